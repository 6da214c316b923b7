"""Common parameters and the HMAC-SHA1 signature of Aliyun RPC-style APIs."""
import base64
import hashlib
import hmac
import uuid
from datetime import datetime, timezone
from urllib.parse import quote

from app.config import settings


def _percent(value: str) -> str:
    return quote(str(value), safe="~")


def common_params(action: str, version: str) -> dict[str, str]:
    return {
        "Action": action,
        "Version": version,
        "Format": "JSON",
        "AccessKeyId": settings.aliyun_access_key_id,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureNonce": uuid.uuid4().hex,
        "Timestamp": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def signature(http_method: str, params: dict[str, str]) -> str:
    canonical = "&".join(f"{_percent(k)}={_percent(v)}" for k, v in sorted(params.items()))
    to_sign = f"{http_method}&%2F&{_percent(canonical)}"
    key = (settings.aliyun_access_key_secret + "&").encode()
    return base64.b64encode(hmac.new(key, to_sign.encode(), hashlib.sha1).digest()).decode()
