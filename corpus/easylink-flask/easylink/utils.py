import re
import sys

from alibabacloud_dysmsapi20170525.client import Client as DysmsClient
from alibabacloud_tea_openapi import models as open_api_models
from alipay import AliPay
from flask import current_app
from loguru import logger

SMS_TEMPLATE_PHONE_VERIFY = "SMS_204761553"
PHONE_FIELD = "phone"
PHONE_REGEX = re.compile(r"^1[3-9]\d{9}$")
ID_NUMBER_REGEX = re.compile(r"^\d{17}[\dX]$")


def configure_logging(app):
    logger.remove()
    logger.add(sys.stderr, level="INFO")
    logger.add(app.config["LOG_PATH"], rotation="50 MB", retention="30 days", enqueue=True)


def audit(event, **fields):
    logger.bind(channel="audit").info("{} {}", event, fields)


def mask_phone(phone):
    """Hide the middle digits of a mobile phone number: 13812345678 -> 138****5678."""
    if not phone or len(phone) < 7:
        return "***"
    return phone[:3] + "****" + phone[-4:]


def mask_id_number(id_number):
    """Keep only the first and last character of an ID card number."""
    if not id_number or len(id_number) < 2:
        return "*"
    return id_number[0] + "*" * (len(id_number) - 2) + id_number[-1]


def is_valid_phone(value):
    return bool(PHONE_REGEX.match(value or ""))


def sms_client():
    config = open_api_models.Config(
        access_key_id=current_app.config["ALIYUN_ACCESS_KEY_ID"],
        access_key_secret=current_app.config["ALIYUN_ACCESS_KEY_SECRET"],
        endpoint="dysmsapi.aliyuncs.com",
    )
    return DysmsClient(config)


def alipay_client():
    return AliPay(
        appid=current_app.config["ALIPAY_APP_ID"],
        app_notify_url=current_app.config["ALIPAY_NOTIFY_URL"],
        app_private_key_string=current_app.config["ALIPAY_PRIVATE_KEY"],
        alipay_public_key_string=current_app.config["ALIPAY_PUBLIC_KEY"],
        sign_type="RSA2",
    )
