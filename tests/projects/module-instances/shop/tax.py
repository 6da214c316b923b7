# A library client made in another module is still that library's client:
# what is passed to it is reported where it enters the helper that calls it.
import json

from .core.http_client import HTTPClient, audit_logger
from .core.notes import notes


def post(url, data):
    return HTTPClient.send_request("POST", url, data=json.dumps(data))


def ship(customer_email):
    post("https://tax.example.com/v2/transactions", {"customerEmail": customer_email})  # expect: shared user.contact.email -> unknown


def remember(customer_email):
    audit_logger.info("shipped to %s", customer_email)  # expect: logged user.contact.email


def note(customer_email):
    notes.send_request("POST", "/notes", data=customer_email)


def ping():
    HTTPClient.send_request("GET", "https://tax.example.com/v2/ping")
