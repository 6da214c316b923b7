import logging

log = logging.getLogger(__name__)


def signup(email):
    log.info("signup %s", email)  # expect: logged user.contact.email


def notify(value):
    # Only a test passes data here: no flow of the product.
    log.info("notify %s", value)


def welcome_payload(user):
    return {"to": user.email}


def deliver(payload):
    # Only a test hands `welcome_payload`'s result over: data of the product
    # does not pass through tests.
    log.info("deliver %s", payload)
