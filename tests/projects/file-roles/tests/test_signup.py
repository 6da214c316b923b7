import logging

from shop.signup import deliver, notify, welcome_payload


def test_signup(email):
    logging.info("testing %s", email)  # expect(test): logged user.contact.email
    notify(email)


def test_welcome(user):
    deliver(welcome_payload(user))
