from datetime import datetime, timedelta

import redis
from flask import make_response, request

r = redis.Redis()


def login():
    email = request.form["email"]
    phone = request.form["phone"]
    resp = make_response("ok")
    resp.set_cookie("remember_email", email, max_age=60 * 60 * 24 * 365)  # expect: retention-exceeded
    resp.set_cookie("login_email", email, max_age=60 * 60 * 24 * 7)
    resp.set_cookie("last_email", email, expires=datetime.now() + timedelta(days=90))  # expect: retention-exceeded
    resp.set_cookie("seen_email", email, expires=datetime.now() + timedelta(days=30))
    resp.set_cookie("session_email", email)
    resp.set_cookie("remember_phone", phone, max_age=3600)  # expect: retention-exceeded
    resp.set_cookie("session_phone", phone)
    r.setex("otp:email", 600, email)
    r.set("mail:" + email, email, ex=60 * 60 * 24 * 60)  # expect: retention-exceeded
    r.set("mail2", email, ex=COOKIE_AGE)
    name = request.form["full_name"]
    resp.set_cookie("display_name", name, max_age=timedelta(days=365).total_seconds())
    resp.set_cookie("long_display_name", name, max_age=timedelta(days=400).total_seconds())  # expect: retention-exceeded
    return resp
