"""Short-lived state in Redis: SMS codes and verifications in progress."""
import json

import redis

from app.config import SMS_CODE_TTL_SECONDS, settings
from app.domain import Person
from app.util import phone_digest

PENDING_TTL_SECONDS = 15 * 60

_redis = redis.Redis.from_url(settings.redis_url, decode_responses=True)


def remember_code(phone: str, code: str) -> None:
    """Keep the code we texted so that the verification can check it."""
    key = "sms:code:" + phone_digest(phone)
    _redis.setex(key, SMS_CODE_TTL_SECONDS, code)


def code_matches(phone: str, code: str) -> bool:
    stored = _redis.get("sms:code:" + phone_digest(phone))
    return stored is not None and stored == code


def hold_pending(person: Person) -> None:
    """Park the applicant while the provider compares the face, for retries."""
    snapshot = {"phone": person.phone, "id_number": person.id_number}
    _redis.setex(f"pending:{person.subject_id}", PENDING_TTL_SECONDS, json.dumps(snapshot))


def release_pending(subject_id: str) -> None:
    _redis.delete(f"pending:{subject_id}")


def remember_confirmed_phone(subject_id: str, phone: str) -> None:
    """A returning applicant skips the SMS step on the same phone."""
    _redis.set(f"phone:confirmed:{subject_id}", phone, ex=30 * 24 * 3600)


def phone_recently_confirmed(subject_id: str, phone: str) -> bool:
    return _redis.get(f"phone:confirmed:{subject_id}") == phone
