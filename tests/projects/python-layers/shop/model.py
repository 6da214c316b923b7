"""Plain data holders."""
from dataclasses import dataclass


@dataclass
class Account:
    contact: str
    mobile: str
