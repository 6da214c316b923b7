"""Request and response bodies of the public API."""
import re

from pydantic import BaseModel, EmailStr, Field, field_validator

ID_NUMBER_PATTERN = re.compile(r"^\d{17}[\dX]$")


class SmsCodeRequest(BaseModel):
    phone: str = Field(min_length=11, max_length=20)


class VerificationRequest(BaseModel):
    """Personal real-name authentication: name, ID card number and a live photo."""

    subject_id: str = Field(max_length=64)
    real_name: str = Field(min_length=2, max_length=64)
    id_number: str
    phone: str
    sms_code: str = Field(pattern=r"^\d{6}$")
    face_image: str  # base64-encoded JPEG from the liveness SDK

    @field_validator("id_number")
    @classmethod
    def check_id_number(cls, value: str) -> str:
        value = value.strip().upper()
        if not ID_NUMBER_PATTERN.match(value):
            raise ValueError("malformed ID card number")
        return value


class VerificationResult(BaseModel):
    verification_id: int
    passed: bool
    score: float


class OperatorSignup(BaseModel):
    """An integrator's console account for the FaceCheck API."""

    email: EmailStr
    password: str = Field(min_length=10)
    company: str


class IdentityCheckRequest(BaseModel):
    """Two-element check: name and ID card number, without a photo."""

    subject_id: str = Field(max_length=64)
    real_name: str = Field(min_length=2, max_length=64)
    id_number: str
    separate_consent: bool = False  # ticked by the applicant on the integrator's page

    @field_validator("id_number")
    @classmethod
    def check_id_number(cls, value: str) -> str:
        value = value.strip().upper()
        if not ID_NUMBER_PATTERN.match(value):
            raise ValueError("malformed ID card number")
        return value


class SmsConfirmRequest(BaseModel):
    subject_id: str = Field(max_length=64)
    phone: str = Field(min_length=11, max_length=20)
    sms_code: str = Field(pattern=r"^\d{6}$")
