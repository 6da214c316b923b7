from flask import request


def archive(db):
    face_image = request.files["face_image"]
    db.execute("INSERT INTO archive (face_image) VALUES (?)", (face_image,))  # expect: storage-outside-purpose


def archive_for_the_regulator(db):
    face_image = request.files["face_image"]
    # candor: purpose=essential.legal_obligation
    db.execute("INSERT INTO archive (face_image) VALUES (?)", (face_image,))
