"""HTTP routes of the FaceCheck API."""
import logging

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, status

from app.deps import get_verification_service
from app.domain import Person, VendorError
from app.logging_utils import audit
from app.repository import create_operator
from app.schemas import OperatorSignup, SmsCodeRequest, VerificationRequest, VerificationResult
from app.security import hash_password
from app.services.verification import InvalidPhone, VerificationService, WrongCode
from app.util import client_ip, mask_phone, normalize_phone

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1")


@router.post("/sms/code", status_code=status.HTTP_202_ACCEPTED)
def request_sms_code(
    body: SmsCodeRequest,
    request: Request,
    service: VerificationService = Depends(get_verification_service),
) -> dict[str, str]:
    """Send the one-time code that proves the applicant holds the phone."""
    try:
        service.send_phone_code(body.phone, client_ip(request))
    except InvalidPhone as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from exc
    return {"status": "sent"}


@router.post("/verifications", response_model=VerificationResult)
def create_verification(
    body: VerificationRequest,
    request: Request,
    x_request_id: str = Header(default=""),
    service: VerificationService = Depends(get_verification_service),
) -> VerificationResult:
    """Personal real-name authentication with face comparison."""
    audit("verification.received", request_id=x_request_id)
    person = Person(
        subject_id=body.subject_id,
        real_name=body.real_name.strip(),
        id_number=body.id_number,
        phone=normalize_phone(body.phone),
    )
    try:
        verification_id, outcome = service.verify(
            person, body.face_image, body.sms_code, client_ip(request)
        )
    except (WrongCode, ValueError) as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from exc
    except VendorError as exc:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, "verification provider unavailable") from exc
    return VerificationResult(
        verification_id=verification_id, passed=outcome.passed, score=outcome.score
    )


@router.get("/verifications")
def verification_history(
    phone: str = Query(min_length=11, max_length=20),
    service: VerificationService = Depends(get_verification_service),
) -> list[dict]:
    """Support console: past results for one phone number."""
    results = service.history(phone)
    logger.info("history lookup for %s returned %d results", mask_phone(phone), len(results))
    return results


@router.post("/operators", status_code=status.HTTP_201_CREATED)
def sign_up_operator(body: OperatorSignup) -> dict[str, int]:
    """Console account of an integrator: email and password."""
    operator_id = create_operator(body.email.lower(), hash_password(body.password), body.company)
    logger.info("operator %s created; confirmation email queued", operator_id)
    return {"id": operator_id}
