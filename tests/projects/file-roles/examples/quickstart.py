import logging


def run(email):
    logging.info("hello %s", email)  # expect(example): logged user.contact.email
