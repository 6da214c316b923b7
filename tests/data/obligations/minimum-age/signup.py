from flask import request

MINIMUM_AGE = 14


def signup():
    dob = request.form["birthdate"]
    if age_from(dob) < 14:
        return "too young", 403
    return "ok"


def signup_with_constant():
    dob = request.form["birthdate"]
    if age_from(dob) < MINIMUM_AGE:
        return "too young", 403
    return "ok"


def signup_thirteen():
    dob = request.form["birthdate"]  # expect: minimum-age-not-checked
    if age_from(dob) < 13:
        return "too young", 403
    return "ok"


def signup_unchecked():
    dob = request.form["birthdate"]  # expect: minimum-age-not-checked
    return dob


def signup_gated():
    dob = request.form["birthdate"]
    ensureOldEnough(dob)
    return "ok"


def newsletter():
    email = request.form["email"]
    if len(email) < 3:
        return "bad", 400
    return "ok"
