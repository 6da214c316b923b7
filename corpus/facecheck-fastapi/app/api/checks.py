"""Lighter checks for integrators: name and ID number without a photo, the SMS code alone."""
from fastapi import APIRouter, Depends, HTTPException, status

from app.deps import get_verification_service
from app.domain import VendorError
from app.schemas import IdentityCheckRequest, SmsConfirmRequest
from app.services.verification import VerificationService, WrongCode

router = APIRouter(prefix="/v1")


@router.post("/identity-checks")
def create_identity_check(
    body: IdentityCheckRequest,
    service: VerificationService = Depends(get_verification_service),
) -> dict[str, bool]:
    """Does the name belong to the ID card number? Billed as a two-element check."""
    if not body.separate_consent:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the applicant has not agreed to the ID check")
    try:
        passed = service.check_identity(body.subject_id, body.real_name, body.id_number)
    except VendorError as exc:
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, "verification provider unavailable") from exc
    return {"passed": passed}


@router.post("/sms/confirm")
def confirm_sms_code(
    body: SmsConfirmRequest,
    service: VerificationService = Depends(get_verification_service),
) -> dict[str, str]:
    """Check the SMS code on its own, for SDKs that ask for it before the photo."""
    try:
        service.confirm_phone(body.subject_id, body.phone, body.sms_code)
    except WrongCode as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from exc
    return {"status": "confirmed"}
