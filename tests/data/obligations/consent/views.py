import analytics
from flask import make_response, request


def upload_face():
    face_image = request.files["face_image"]  # expect: consent-not-checked
    with open("/data/face.jpg", "wb") as out:
        out.write(face_image)  # expect: consent-not-checked


def upload_face_after_consent(user):
    if not has_consent(user, "face"):
        return "consent needed", 403
    face_image = request.files["face_image"]
    with open("/data/face.jpg", "wb") as out:
        out.write(face_image)


@consent_required("face")
def upload_face_decorated():
    face_image = request.files["face_image"]
    with open("/data/face.jpg", "wb") as out:
        out.write(face_image)


def track_signup(user):
    email = request.form["email"]
    analytics.track(user.id, "signup", {"email": email})  # expect: consent-not-checked


def track_signup_after_consent(user):
    email = request.form["email"]
    if has_consent(user, "analytics"):
        analytics.track(user.id, "signup", {"email": email})


def landing():
    resp = make_response("hi")
    resp.set_cookie("_ga", "GA1.2.3")  # expect: consent-not-checked
    return resp


def landing_after_consent(user):
    resp = make_response("hi")
    if has_consent(user, "analytics"):
        resp.set_cookie("_ga", "GA1.2.3")
    return resp
