"""Domain objects shared by the service layer and its adapters."""
from dataclasses import dataclass


@dataclass
class Person:
    """The applicant of one verification, as the service sees it."""

    subject_id: str
    real_name: str
    id_number: str
    phone: str


@dataclass
class Outcome:
    passed: bool
    score: float
    certify_id: str


class VendorError(RuntimeError):
    """The verification provider failed or answered with an error code."""
