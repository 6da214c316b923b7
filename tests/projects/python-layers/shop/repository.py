"""Persistence."""
from .db import session


def save_account(account):
    session.add(account)  # reported where callers pass their data in
    session.commit()
