"""Persistence of verification results, manual reviews and operator accounts."""
import hashlib
from typing import Any

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import sessionmaker

from app.config import settings
from app.domain import Outcome, Person
from app.models import Operator, UsageRecord, Verification

engine = create_engine(settings.database_url, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)

MANUAL_REVIEW_SQL = text(
    "INSERT INTO manual_reviews (subject_id, real_name, id_number, certify_id, reason) "
    "VALUES (:subject_id, :real_name, :id_number, :certify_id, :reason)"
)


def save_verification(person: Person, outcome: Outcome, ip: str, face_key: str | None) -> int:
    """Record the result of a verification; the ID number is kept as a digest only."""
    record = Verification(
        subject_id=person.subject_id,
        real_name=person.real_name,
        id_number_digest=hashlib.sha256(person.id_number.encode()).hexdigest(),
        phone=person.phone,
        client_ip=ip,
        passed=outcome.passed,
        score=outcome.score,
        certify_id=outcome.certify_id,
        face_object_key=face_key,
    )
    with SessionLocal() as session:  # candor: purpose=essential.legal_obligation
        session.add(record)
        session.commit()
        return record.id


def queue_manual_review(payload: dict[str, Any]) -> None:
    """Hand a failed comparison to the review team."""
    with engine.begin() as conn:  # candor: purpose=essential.legal_obligation
        conn.execute(MANUAL_REVIEW_SQL, payload)


def find_by_phone(phone: str) -> list[Verification]:
    with SessionLocal() as session:
        rows = session.scalars(
            select(Verification).where(Verification.phone == phone).order_by(Verification.id.desc())
        )
        return list(rows)


def create_operator(email: str, password_hash: str, company: str) -> int:
    operator = Operator(email=email, password_hash=password_hash, company=company)
    with SessionLocal() as session:
        session.add(operator)
        session.commit()
        return operator.id


def record_usage(subject_id: str, real_name: str, product: str) -> None:
    """One billable call; the integrator's monthly statement lists them by applicant."""
    usage = UsageRecord(subject_id=subject_id, applicant_name=real_name, product=product)
    with SessionLocal() as session:  # candor: purpose=essential.service.payment_processing
        session.add(usage)
        session.commit()
