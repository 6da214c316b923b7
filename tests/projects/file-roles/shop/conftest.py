import logging


def signed_up(email):
    logging.info("fixture user %s", email)  # expect(test): logged user.contact.email
