"""Wiring: one service instance shared by the handlers."""
from .service import AccountService
from .clients.analytics import AnalyticsClient

accounts = AccountService(AnalyticsClient())
