"""Real-name + face verification: the business rules of FaceCheck."""
import logging
import secrets
import time

from app import cache
from app.clients.analytics import AnalyticsClient
from app.clients.cloudauth import CloudAuthClient
from app.clients.sms import send_code
from app.domain import Outcome, Person, VendorError
from app.logging_utils import audit, log_user, report_error
from app.repository import find_by_phone, queue_manual_review, record_usage, save_verification
from app.storage import upload_face
from app.util import decode_image, is_mobile, mask_id_number, mask_phone, normalize_phone

logger = logging.getLogger(__name__)


class InvalidPhone(ValueError):
    pass


class WrongCode(ValueError):
    pass


class VerificationService:
    """Checks that the applicant holds the phone and matches the ID card photo."""

    def __init__(
        self, analytics_client: AnalyticsClient, face_client: CloudAuthClient, pass_score: float
    ) -> None:
        self.analytics = analytics_client
        self.faces = face_client
        self.pass_score = pass_score

    def send_phone_code(self, phone: str, ip: str) -> None:
        msisdn = normalize_phone(phone)
        if not is_mobile(msisdn):
            raise InvalidPhone("not a mainland mobile number")
        code = f"{secrets.randbelow(1_000_000):06d}"
        send_code(msisdn, code)
        cache.remember_code(msisdn, code)
        self.analytics.track("anonymous", "SMS Code Requested", {"ip": ip, "channel": "sms"})
        logger.info("sms code sent to %s", mask_phone(msisdn))

    def verify(self, person: Person, face_image: str, sms_code: str, ip: str) -> tuple[int, Outcome]:
        """Compare the photo with the ID card holder and record the result."""
        if not cache.code_matches(person.phone, sms_code):
            raise WrongCode("the SMS code is wrong or expired")
        log_user(person, "verification started")
        image = decode_image(face_image)
        cache.hold_pending(person)
        started = time.monotonic()
        order_no = f"fc-{person.subject_id}-{secrets.token_hex(4)}"
        try:
            outcome = self.faces.compare(person.real_name, person.id_number, image, order_no)
        except VendorError as exc:
            report_error(exc, {"subject_id": person.subject_id, "phone": person.phone, "ip": ip})
            raise
        outcome.passed = outcome.passed and outcome.score >= self.pass_score

        face_key = upload_face(person.subject_id, image)
        verification_id = save_verification(person, outcome, ip, face_key)
        if not outcome.passed:
            logger.warning(
                "face mismatch for ID %s (score %.1f)", mask_id_number(person.id_number), outcome.score
            )
            queue_manual_review(
                {
                    "subject_id": person.subject_id,
                    "real_name": person.real_name,
                    "id_number": person.id_number,
                    "certify_id": outcome.certify_id,
                    "reason": "score_below_threshold",
                }
            )
        cache.release_pending(person.subject_id)

        self.analytics.identify_applicant(person)
        self.analytics.record_metric("face_score", outcome.score)
        audit(
            "verification.completed",
            verification_id=verification_id,
            id_number=person.id_number,
            passed=outcome.passed,
        )
        elapsed_ms = int((time.monotonic() - started) * 1000)
        logger.info("verification %s finished in %d ms", verification_id, elapsed_ms)
        return verification_id, outcome

    def history(self, phone: str) -> list[dict]:
        """Past results for a phone number, for the support console."""
        return [
            {"id": v.id, "passed": v.passed, "score": v.score, "created_at": v.created_at.isoformat()}
            for v in find_by_phone(normalize_phone(phone))
        ]

    def check_identity(self, subject_id: str, real_name: str, id_number: str) -> bool:
        """Name and ID number against the national register, without a photo."""
        order_no = f"id2-{subject_id}-{secrets.token_hex(4)}"
        passed = self.faces.check_identity(real_name, id_number, order_no)
        record_usage(subject_id, real_name, product="id2")
        audit("identity_check.completed", subject_id=subject_id, passed=passed)
        return passed

    def confirm_phone(self, subject_id: str, phone: str, sms_code: str) -> None:
        """Check the code once; a returning applicant then skips the SMS step."""
        msisdn = normalize_phone(phone)
        if cache.phone_recently_confirmed(subject_id, msisdn):
            return
        if not cache.code_matches(msisdn, sms_code):
            raise WrongCode("the SMS code is wrong or expired")
        cache.remember_confirmed_phone(subject_id, msisdn)
