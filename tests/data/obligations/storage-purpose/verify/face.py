from flask import request


def verify_identity(db):
    face_image = request.files["face_image"]
    db.execute("INSERT INTO face_checks (face_image) VALUES (?)", (face_image,))
