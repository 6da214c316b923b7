"""Structured audit logging used across the app."""
import logging

logger = logging.getLogger("audit")


def audit(event, **fields):
    logger.info("%s %s", event, fields)  # reported where callers pass their data in
