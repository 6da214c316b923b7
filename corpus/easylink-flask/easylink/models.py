from datetime import datetime

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)
    phone = db.Column(db.String(20))
    phone_verified = db.Column(db.Boolean, default=False, nullable=False)
    phone_code_hash = db.Column(db.String(255))
    session_token = db.Column(db.String(64), index=True)
    realname_status = db.Column(db.String(16), default="none", nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class RealNameRecord(db.Model):
    __tablename__ = "realname_records"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    method = db.Column(db.String(16), nullable=False)
    id_number_hash = db.Column(db.String(64), nullable=False)
    vendor_request_id = db.Column(db.String(64))
    result = db.Column(db.String(16), nullable=False)
    verified_at = db.Column(db.DateTime, default=datetime.utcnow)


class Remittance(db.Model):
    __tablename__ = "remittances"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    order_no = db.Column(db.String(32), nullable=False)
    payer_name = db.Column(db.String(64), nullable=False)
    bank_name = db.Column(db.String(64), nullable=False)
    bank_account = db.Column(db.String(32), nullable=False)
    amount_cents = db.Column(db.Integer, nullable=False)
    remitted_on = db.Column(db.Date, nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class Payment(db.Model):
    __tablename__ = "payments"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    order_no = db.Column(db.String(32), unique=True, nullable=False)
    method = db.Column(db.String(16), nullable=False)
    amount_cents = db.Column(db.Integer, nullable=False)
    status = db.Column(db.String(32), nullable=False)


class CallRecording(db.Model):
    __tablename__ = "call_recordings"

    id = db.Column(db.Integer, primary_key=True)
    call_id = db.Column(db.String(64), unique=True, nullable=False)
    caller_phone = db.Column(db.String(20), nullable=False)
    audio_path = db.Column(db.String(255), nullable=False)
    duration_seconds = db.Column(db.Integer)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class Profile(db.Model):
    __tablename__ = "profiles"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), unique=True, nullable=False)
    display_name = db.Column(db.String(64))
    avatar_url = db.Column(db.String(255))
    updated_at = db.Column(db.DateTime, default=datetime.utcnow, onupdate=datetime.utcnow)
