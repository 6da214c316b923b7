from django.core.cache import cache
from flask import request

ATTEMPT_COUNTER_EXPIRE_TIME = 60 * 60 * 24 * 90


def remember_attempt(key):
    cache.add(key, 1, timeout=ATTEMPT_COUNTER_EXPIRE_TIME)


def login_attempt():
    email = request.form["email"]
    remember_attempt("attempts:" + email)  # expect: retention-exceeded
