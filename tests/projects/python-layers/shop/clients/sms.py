"""SMS verification codes through the vendor's HTTP API."""
import requests

SMS_ENDPOINT = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json"


def send_code(phone, code):
    payload = {"To": phone, "Body": f"Your code is {code}"}
    requests.post(SMS_ENDPOINT, data=payload)  # expect: shared user.contact.phone_number -> twilio
