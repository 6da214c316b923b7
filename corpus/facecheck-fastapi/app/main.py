"""ASGI entry point: `uvicorn app.main:app`."""
import uuid

import sentry_sdk
from fastapi import FastAPI, Request
from sentry_sdk.integrations.fastapi import FastApiIntegration

from app.api import checks, routes
from app.config import settings
from app.deps import analytics_client
from app.logging_utils import configure

configure(settings.log_level)
sentry_sdk.init(
    dsn=settings.sentry_dsn,
    integrations=[FastApiIntegration()],
    send_default_pii=False,
    traces_sample_rate=0.05,
)

app = FastAPI(title="Easy Link FaceCheck", version="1.4.0")
app.include_router(routes.router)
app.include_router(checks.router)


@app.middleware("http")
async def request_id(request: Request, call_next):
    """Propagate or create X-Request-ID and tag Sentry events with it."""
    rid = request.headers.get("x-request-id") or uuid.uuid4().hex
    sentry_sdk.set_tag("request_id", rid)
    response = await call_next(request)
    response.headers["X-Request-ID"] = rid
    return response


@app.on_event("shutdown")
def flush_analytics() -> None:
    analytics_client.flush()


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
