from flask import request


def family_plan():
    child_age = request.form["child_age"]
    return child_age


def signup_unchecked():
    dob = request.form["birthdate"]  # expect: minimum-age-not-checked
    return dob
