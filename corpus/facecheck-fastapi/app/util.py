"""Small helpers for phone numbers, ID numbers, images and requests."""
import base64
import binascii
import hashlib
import re

from fastapi import Request

MOBILE_PATTERN = re.compile(r"^1[3-9]\d{9}$")
MAX_IMAGE_BYTES = 2 * 1024 * 1024


def normalize_phone(raw: str) -> str:
    """Strip spaces, dashes and the +86 prefix from a mainland mobile number."""
    digits = re.sub(r"[\s-]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    return digits


def is_mobile(value: str) -> bool:
    return bool(MOBILE_PATTERN.match(value))


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678."""
    if len(phone) < 7:
        return "***"
    return phone[:3] + "****" + phone[-4:]


def mask_id_number(id_number: str) -> str:
    """Keep the first and the last character of an ID card number."""
    return id_number[:1] + "*" * max(len(id_number) - 2, 0) + id_number[-1:]


def phone_digest(phone: str) -> str:
    """Stable, non-reversible cache key for a phone number."""
    return hashlib.sha256(phone.encode()).hexdigest()


def decode_image(encoded: str) -> bytes:
    """Decode the base64 photo sent by the liveness SDK and check its size."""
    try:
        data = base64.b64decode(encoded, validate=True)
    except binascii.Error as exc:
        raise ValueError("face_image is not valid base64") from exc
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError("face_image is larger than 2 MB")
    return data


def client_ip(request: Request) -> str:
    """The caller's address; the API runs behind the Easy Link SLB."""
    forwarded = request.headers.get("x-forwarded-for", "")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.client.host if request.client else ""
