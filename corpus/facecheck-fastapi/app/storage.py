"""Object storage for verification evidence."""
import uuid
from datetime import date

import oss2

from app.config import settings

_auth = oss2.Auth(settings.aliyun_access_key_id, settings.aliyun_access_key_secret)
_bucket = oss2.Bucket(_auth, settings.oss_endpoint, settings.oss_bucket)


def upload_face(subject_id: str, image: bytes) -> str:
    """Upload the photo used for a verification and return its object key."""
    key = f"faces/{date.today():%Y/%m/%d}/{subject_id}-{uuid.uuid4().hex}.jpg"
    _bucket.put_object(key, image, headers={"Content-Type": "image/jpeg"})
    return key
