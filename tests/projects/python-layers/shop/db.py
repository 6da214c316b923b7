"""Database session."""
from sqlalchemy.orm import Session

session = Session()
