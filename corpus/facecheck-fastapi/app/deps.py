"""Objects shared by every request, built once at import time."""
from app.clients.analytics import AnalyticsClient
from app.clients.cloudauth import CloudAuthClient
from app.config import settings
from app.services.verification import VerificationService

analytics_client = AnalyticsClient(write_key=settings.segment_write_key)
face_client = CloudAuthClient(scene_id=settings.cloudauth_scene_id)

verification_service = VerificationService(
    analytics_client=analytics_client,
    face_client=face_client,
    pass_score=settings.pass_score,
)


def get_verification_service() -> VerificationService:
    """FastAPI dependency: the process-wide service instance."""
    return verification_service
