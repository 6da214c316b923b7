import json
import secrets

from alibabacloud_dysmsapi20170525 import models as dysms_models
from flask import Blueprint, current_app, jsonify, make_response, request
from loguru import logger
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail
from werkzeug.security import check_password_hash, generate_password_hash

from .models import Profile, User, db
from .utils import PHONE_FIELD, SMS_TEMPLATE_PHONE_VERIFY, is_valid_phone, mask_phone, sms_client

bp = Blueprint("accounts", __name__, url_prefix="/api/account")

SESSION_COOKIE = "el_session"
REMEMBER_COOKIE = "el_remember"
REMEMBER_MAX_AGE = 30 * 24 * 3600


def current_user():
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    return User.query.filter_by(session_token=token).first()


@bp.route("/register", methods=["POST"])
def register():
    email = request.form["email"].strip().lower()
    password = request.form["password"]
    if password != request.form.get("password_confirm"):
        return jsonify(error="passwords do not match"), 400
    if User.query.filter_by(email=email).first() is not None:
        return jsonify(error="this email is already registered"), 409

    user = User(email=email, password_hash=generate_password_hash(password))
    db.session.add(user)
    db.session.commit()

    email_template_id = current_app.config["WELCOME_EMAIL_TEMPLATE_ID"]
    message = Mail(from_email=current_app.config["MAIL_SENDER"], to_emails=email)
    message.template_id = email_template_id
    SendGridAPIClient(current_app.config["SENDGRID_API_KEY"]).send(message)
    logger.info("welcome mail queued for user {} email_template_id={}", user.id, email_template_id)
    return jsonify(id=user.id), 201


@bp.route("/login", methods=["POST"])
def login():
    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    user = User.query.filter_by(email=email).first()
    if user is None or not check_password_hash(user.password_hash, password):
        logger.warning("failed login attempt from {}", request.remote_addr)
        return jsonify(error="wrong email or password"), 401

    user.session_token = secrets.token_urlsafe(32)
    db.session.commit()
    logger.info("user {} logged in", user.id)

    resp = make_response(jsonify(id=user.id, realname_status=user.realname_status))
    resp.set_cookie(SESSION_COOKIE, user.session_token, httponly=True, secure=True, samesite="Lax")
    if request.form.get("remember") == "1":
        resp.set_cookie(REMEMBER_COOKIE, email, max_age=REMEMBER_MAX_AGE, secure=True)
    return resp


@bp.route("/security/phone", methods=["POST"])
def bind_phone():
    user = current_user()
    if user is None:
        return jsonify(error="login required"), 401
    phone = request.form["phone"].strip()
    if not is_valid_phone(phone):
        return jsonify(error="invalid phone number", field=PHONE_FIELD), 400

    code = f"{secrets.randbelow(1_000_000):06d}"
    sms_request = dysms_models.SendSmsRequest(
        phone_numbers=phone,
        sign_name=current_app.config["SMS_SIGN_NAME"],
        template_code=SMS_TEMPLATE_PHONE_VERIFY,
        template_param=json.dumps({"code": code}),
    )
    sms_client().send_sms(sms_request)
    logger.info("verification sms sent to {} ({})", mask_phone(phone), SMS_TEMPLATE_PHONE_VERIFY)

    user.phone = phone
    user.phone_verified = False
    user.phone_code_hash = generate_password_hash(code)
    db.session.add(user)
    db.session.commit()
    return jsonify(status="code_sent")


@bp.route("/security/phone/verify", methods=["POST"])
def verify_phone():
    user = current_user()
    code = request.form.get("code", "")
    if user is None or not user.phone_code_hash:
        return jsonify(error="no pending verification"), 400
    if not check_password_hash(user.phone_code_hash, code):
        return jsonify(error="invalid code"), 400

    user.phone_verified = True
    user.phone_code_hash = None
    db.session.commit()
    logger.info("phone_verified set for user {}", user.id)
    return jsonify(status="verified")


@bp.route("/landing")
def landing():
    # Campaign landing page: a site-statistics id for the visitor, kept two years.
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("_ga", "GA1." + secrets.token_hex(8), max_age=2 * 365 * 86400)
    return resp


@bp.route("/logout", methods=["POST"])
def logout():
    user = current_user()
    resp = make_response(jsonify(status="signed_out"))
    resp.delete_cookie(SESSION_COOKIE)
    if user is not None:
        user.session_token = None
        db.session.commit()
        # Pre-fill the sign-in form on this browser next time.
        resp.set_cookie("el_last_login", user.email, max_age=365 * 86400, secure=True, samesite="Lax")
    return resp


@bp.route("/profile", methods=["POST"])
def update_profile():
    """Name shown in the console header and used to greet the customer in notices."""
    user = current_user()
    if user is None:
        return jsonify(error="login required"), 401
    profile = Profile.query.filter_by(user_id=user.id).first() or Profile(user_id=user.id)
    profile.display_name = request.form["real_name"].strip()
    profile.avatar_url = request.form.get("avatar_url", "")
    db.session.add(profile)
    db.session.commit()
    return jsonify(status="saved")
