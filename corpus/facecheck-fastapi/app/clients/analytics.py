"""Product analytics through Segment."""
import logging
from typing import Any

import segment.analytics as analytics

from app.domain import Person

log = logging.getLogger(__name__)

SERVICE_USER_ID = "svc-facecheck"


class AnalyticsClient:
    """Thin wrapper so that the service layer never imports the SDK directly."""

    def __init__(self, write_key: str, enabled: bool = True) -> None:
        analytics.write_key = write_key
        analytics.send = enabled and bool(write_key)
        analytics.on_error = self._on_error

    @staticmethod
    def _on_error(error: Exception, batch: list[dict[str, Any]]) -> None:
        log.warning("segment upload failed for %d events: %s", len(batch), error)

    def identify_applicant(self, person: Person) -> None:
        """Attach the applicant's contact to their analytics profile."""
        analytics.identify(person.subject_id, {"phone": person.phone, "product": "facecheck"})

    def track(self, subject_id: str, event: str, properties: dict[str, Any]) -> None:
        analytics.track(subject_id, event, properties)

    def record_metric(self, metric: str, value: float) -> None:
        """Service-level metrics, attributed to the service itself."""
        analytics.track(SERVICE_USER_ID, "FaceCheck Metric", {"metric": metric, "value": value})

    def flush(self) -> None:
        analytics.flush()
