import base64
import os

import requests
from flask import Blueprint, current_app, jsonify, request
from loguru import logger

from .accounts import current_user
from .models import CallRecording, db
from .utils import mask_phone

bp = Blueprint("support", __name__, url_prefix="/api/support")


@bp.route("/tickets", methods=["POST"])
def open_ticket():
    user = current_user()
    body = request.get_json(force=True)
    contact = {
        "properties": {
            "email": body["email"],
            "phone": body["phone"],
            "firstname": body["contact_name"],
            "company": body.get("company"),
            "jobtitle": body.get("position"),
            "easylink_account": str(user.id) if user else "",
        }
    }
    requests.post(
        "https://api.hubapi.com/crm/v3/objects/contacts",
        json=contact,
        headers={"Authorization": "Bearer " + current_app.config["CRM_TOKEN"]},
        timeout=10,
    )
    logger.info("ticket opened ({}) by account {}", body.get("subject"), user.id if user else "guest")
    return jsonify(status="received"), 201


@bp.route("/calls/<call_id>/recording", methods=["POST"])
def store_call_recording(call_id):
    """Called by the hotline gateway after a customer-service call ends."""
    payload = request.get_json(force=True)
    caller_phone = payload["caller_phone"]
    voice_recording = base64.b64decode(payload["voice_recording"])

    directory = current_app.config["RECORDING_DIR"]
    os.makedirs(directory, exist_ok=True)
    audio_path = os.path.join(directory, call_id + ".wav")
    with open(audio_path, "wb") as fh:
        fh.write(voice_recording)

    recording = CallRecording(
        call_id=call_id,
        caller_phone=caller_phone,
        audio_path=audio_path,
        duration_seconds=int(payload.get("duration", 0)),
    )
    db.session.add(recording)
    db.session.commit()
    logger.info("stored recording for call {} from {}", call_id, mask_phone(caller_phone))
    return jsonify(id=recording.id), 201
