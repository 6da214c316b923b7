import logging


def handle(email):
    logging.info("created sample customer %s", email)  # expect(seed): logged user.contact.email
