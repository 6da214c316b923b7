"""Persistence."""
from .db import session


def save_account(account):
    session.add(account)  # expect: stored user.contact.email; stored user.contact.phone_number
    session.commit()
