# `UPDATE t SET WHERE ...`: the SQL reader sliced past its own bounds and the
# whole scan died.
def rename(cursor, user_id, email):
    cursor.execute("UPDATE users SET WHERE id = ?", (email, user_id))
