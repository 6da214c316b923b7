"""HTTP handlers: read the request, hand the work to the service layer."""
from flask import request

from .deps import accounts
from .logs import audit
from .util import client_ip, normalize_phone, mask_phone


def register():
    email = request.form["email"]  # expect: collected user.contact.email
    phone = normalize_phone(request.form["mobile"])  # expect: collected user.contact.phone_number
    accounts.register(email, phone)  # expect: shared user.contact.email -> segment; shared user.contact.phone_number -> segment; shared user.contact.phone_number -> twilio; stored user.contact.email; stored user.contact.phone_number
    audit("register", contact=mask_phone(phone))
    audit("register.done", request_id=request.headers.get("X-Request-Id"))


def login():
    ip = client_ip()
    audit("login", source=ip)  # expect: logged user.device.ip_address
    accounts.touch(user_id=42)
