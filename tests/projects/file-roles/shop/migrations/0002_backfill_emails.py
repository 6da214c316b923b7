import logging


def forwards(email):
    logging.info("backfilled %s", email)  # expect(migration): logged user.contact.email
