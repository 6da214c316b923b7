"""Product analytics, wrapped so the SDK is swappable."""
import analytics


class AnalyticsClient:
    def identify_user(self, account):
        analytics.identify(account.contact, {"phone": account.mobile})  # expect: shared user.contact.phone_number -> segment

    def count(self, event, user_id):
        analytics.track(user_id, event)
