"""Runtime settings, read once from the environment."""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    database_url: str = os.environ.get(
        "DATABASE_URL", "postgresql+psycopg2://facecheck@localhost:5432/facecheck"
    )
    redis_url: str = os.environ.get("REDIS_URL", "redis://localhost:6379/3")
    sentry_dsn: str = os.environ.get("SENTRY_DSN", "")
    segment_write_key: str = os.environ.get("SEGMENT_WRITE_KEY", "")

    aliyun_access_key_id: str = os.environ.get("ALIYUN_ACCESS_KEY_ID", "")
    aliyun_access_key_secret: str = os.environ.get("ALIYUN_ACCESS_KEY_SECRET", "")
    cloudauth_scene_id: int = int(os.environ.get("CLOUDAUTH_SCENE_ID", "1000001276"))

    oss_endpoint: str = "https://oss-cn-hangzhou.aliyuncs.com"
    oss_bucket: str = os.environ.get("OSS_BUCKET", "easylink-facecheck")

    pass_score: float = float(os.environ.get("FACE_PASS_SCORE", "80"))
    log_level: str = os.environ.get("LOG_LEVEL", "INFO")


SMS_SIGN_NAME = "易联云"
SMS_TEMPLATE_CODE = "SMS_271520043"
SMS_CODE_TTL_SECONDS = 300

settings = Settings()
