from flask import request


def family_plan():
    child_age = request.form["child_age"]  # expect: minimum-age-not-checked
    return child_age
