"""Product analytics, wrapped so the SDK is swappable."""
import analytics


class AnalyticsClient:
    def identify_user(self, account):
        analytics.identify(account.contact, {"phone": account.mobile})  # reported where callers pass their data in

    def count(self, event, user_id):
        analytics.track(user_id, event)
