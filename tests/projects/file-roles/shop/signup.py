import logging

log = logging.getLogger(__name__)


def signup(email):
    log.info("signup %s", email)  # expect: logged user.contact.email


def notify(value):
    # Only a test passes data here: no flow of the product.
    log.info("notify %s", value)
