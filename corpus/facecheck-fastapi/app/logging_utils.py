"""Logging conventions of the service: an audit channel and error reporting."""
import json
import logging
from typing import Any

import sentry_sdk

from app.domain import Person
from app.util import mask_phone

logger = logging.getLogger("facecheck")
audit_logger = logging.getLogger("facecheck.audit")


def configure(level: str) -> None:
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )


def audit(event: str, **fields: Any) -> None:
    """One line per business event on the audit channel, fields as JSON."""
    audit_logger.info("%s %s", event, json.dumps(fields, ensure_ascii=False, default=str))


def log_user(person: Person, message: str) -> None:
    """Log a step of a verification with enough context to find the applicant."""
    logger.info(
        "%s: subject=%s name=%s phone=%s",
        message,
        person.subject_id,
        person.real_name,
        mask_phone(person.phone),
    )


def report_error(exc: Exception, context: dict[str, Any]) -> None:
    """Send an unexpected failure to Sentry with the verification context."""
    sentry_sdk.set_context("verification", context)
    sentry_sdk.capture_exception(exc)
