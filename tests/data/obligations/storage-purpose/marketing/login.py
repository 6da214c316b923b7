from flask import request


def face_login(db):
    face_image = request.files["face_image"]
    db.execute("INSERT INTO logins (face_image) VALUES (?)", (face_image,))  # expect: storage-outside-purpose
