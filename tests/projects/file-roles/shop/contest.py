import logging

# A file whose name holds "test" is production code all the same.
def enter(email):
    logging.info("entry from %s", email)  # expect: logged user.contact.email
