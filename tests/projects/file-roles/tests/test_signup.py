import logging

from shop.signup import notify


def test_signup(email):
    logging.info("testing %s", email)  # expect(test): logged user.contact.email
    notify(email)
