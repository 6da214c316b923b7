import base64
import hashlib
import os
import uuid

import requests
from flask import Blueprint, current_app, jsonify, request
from loguru import logger

from .accounts import current_user
from .models import RealNameRecord, db
from .utils import ID_NUMBER_REGEX, mask_id_number

bp = Blueprint("realname", __name__, url_prefix="/api/realname")

IDV_FACE_ENDPOINT = "https://api.idverify-cloud.com/v2/person/face-compare"
IDV_TIMEOUT = 15
PASS_SCORE = 80


def _face_path(user_id):
    directory = current_app.config["FACE_STORE_DIR"]
    os.makedirs(directory, exist_ok=True)
    return os.path.join(directory, f"{user_id}-{uuid.uuid4().hex}.jpg")


@bp.route("/personal", methods=["POST"])
def personal():
    """Personal real-name authentication: name + ID card number + a live face photo."""
    user = current_user()
    if user is None:
        return jsonify(error="login required"), 401

    payload = request.get_json(force=True)
    real_name = payload["real_name"].strip()
    id_number = payload["id_number"].strip().upper()
    face_image = base64.b64decode(payload["face_image"])
    if not ID_NUMBER_REGEX.match(id_number):
        return jsonify(error="malformed ID card number"), 400

    logger.info("real-name check started for user {} id_number={}", user.id, id_number)
    resp = requests.post(
        IDV_FACE_ENDPOINT,
        headers={"Authorization": "APPCODE " + current_app.config["IDV_APP_CODE"]},
        json={
            "name": real_name,
            "idCardNo": id_number,
            "image": base64.b64encode(face_image).decode(),
        },
        timeout=IDV_TIMEOUT,
    )
    result = resp.json()
    passed = result.get("code") == "0" and result.get("data", {}).get("score", 0) >= PASS_SCORE

    with open(_face_path(user.id), "wb") as fh:
        fh.write(face_image)

    record = RealNameRecord(
        user_id=user.id,
        method="face",
        id_number_hash=hashlib.sha256(id_number.encode()).hexdigest(),
        vendor_request_id=result.get("requestId"),
        result="passed" if passed else "failed",
    )
    db.session.add(record)
    user.realname_status = "verified" if passed else "failed"
    db.session.commit()
    logger.info("real-name result for user {}: {} ({})", user.id, record.result, mask_id_number(id_number))
    return jsonify(passed=passed)


@bp.route("/enterprise", methods=["POST"])
def enterprise():
    user = current_user()
    if user is None:
        return jsonify(error="login required"), 401

    company_name = request.form["company_name"].strip()
    credit_code = request.form["credit_code"].strip().upper()
    logger.info("enterprise verification submitted: {} ({})", company_name, credit_code)

    record = RealNameRecord(
        user_id=user.id,
        method="enterprise",
        id_number_hash=hashlib.sha256(credit_code.encode()).hexdigest(),
        result="pending",
    )
    db.session.add(record)
    user.realname_status = "pending"
    db.session.commit()
    return jsonify(status="pending"), 202
