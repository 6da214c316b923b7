"""Account use cases."""
from .clients.sms import send_code
from .repository import save_account
from .model import Account


class AccountService:
    def __init__(self, analytics):
        self.analytics = analytics

    def register(self, email, phone):
        account = Account(contact=email, mobile=phone)
        save_account(account)
        send_code(phone, "123456")
        self.analytics.identify_user(account)

    def touch(self, user_id):
        self.analytics.count("touch", user_id)
