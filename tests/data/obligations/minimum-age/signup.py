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


def signup_strictly_older():
    dob = request.form["birthdate"]
    if age_from(dob) > 13:
        return "ok"
    return "too young", 403


def signup_up_to_twelve():
    dob = request.form["birthdate"]  # expect: minimum-age-not-checked
    if age_from(dob) <= 12:
        return "too young", 403
    return "ok"


def signup_checks_the_format_only():
    dob = request.form["birthdate"]  # expect: minimum-age-not-checked
    if len(dob) == 10:
        return "ok"
    return "bad date", 400


def signup_with_a_setting(settings):
    dob = request.form["birthdate"]
    if age_from(dob) < settings.MINIMUM_AGE:
        return "too young", 403
    return "ok"


def newsletter():
    email = request.form["email"]
    if len(email) < 3:
        return "bad", 400
    return "ok"
