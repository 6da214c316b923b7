"""Verification codes through Aliyun SMS (Dysmsapi)."""
import json
import logging

import requests

from app.clients.aliyun import common_params, signature
from app.config import SMS_SIGN_NAME, SMS_TEMPLATE_CODE

logger = logging.getLogger(__name__)

SMS_ENDPOINT = "https://dysmsapi.aliyuncs.com/"


class SmsError(RuntimeError):
    pass


def send_code(phone: str, code: str) -> None:
    """Text a one-time verification code to a mainland mobile number."""
    params = common_params("SendSms", "2017-05-25")
    params.update(
        PhoneNumbers=phone,
        SignName=SMS_SIGN_NAME,
        TemplateCode=SMS_TEMPLATE_CODE,
        TemplateParam=json.dumps({"code": code}),
    )
    params["Signature"] = signature("GET", params)
    resp = requests.get(SMS_ENDPOINT, params=params, timeout=5)
    body = resp.json()
    if body.get("Code") != "OK":
        logger.error("SendSms failed: %s (request %s)", body.get("Code"), body.get("RequestId"))
        raise SmsError(body.get("Message", "sms failed"))
