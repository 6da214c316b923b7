"""Face comparison against the national ID photo through Aliyun Cloudauth."""
import base64
import logging

import requests

from app.clients.aliyun import common_params, signature
from app.domain import Outcome, VendorError

logger = logging.getLogger(__name__)

CLOUDAUTH_ENDPOINT = "https://cloudauth.aliyuncs.com/"


class CloudAuthClient:
    def __init__(self, scene_id: int, timeout: float = 10.0) -> None:
        self.scene_id = scene_id
        self.timeout = timeout
        self.http = requests.Session()

    def compare(self, name: str, id_number: str, image: bytes, order_no: str) -> Outcome:
        """Run ContrastFaceVerify: does the photo match the ID card holder?"""
        params = common_params("ContrastFaceVerify", "2019-03-07")
        params.update(
            SceneId=str(self.scene_id),
            OuterOrderNo=order_no,
            ProductCode="ID_MIN",
            CertType="IDENTITY_CARD",
            CertName=name,
            CertNo=id_number,
            FaceContrastPicture=base64.b64encode(image).decode(),
        )
        params["Signature"] = signature("POST", params)
        try:
            resp = self.http.post(CLOUDAUTH_ENDPOINT, data=params, timeout=self.timeout)
            resp.raise_for_status()
        except requests.RequestException as exc:
            raise VendorError(f"cloudauth unreachable: {exc}") from exc
        body = resp.json()
        if body.get("Code") != "200":
            raise VendorError(f"cloudauth error {body.get('Code')}: {body.get('Message')}")
        result = body["ResultObject"]
        logger.info("cloudauth order %s answered in %s", order_no, body.get("RequestId"))
        return Outcome(
            passed=result["Passed"] == "T",
            score=float(result.get("Score") or 0.0),
            certify_id=result["CertifyId"],
        )

    def check_identity(self, name: str, id_number: str, order_no: str) -> bool:
        """Run Id2MetaVerify: do the name and the ID card number belong together?"""
        params = common_params("Id2MetaVerify", "2019-03-07")
        params.update(ParamType="normal", IdentifyNum=id_number, UserName=name)
        params["Signature"] = signature("POST", params)
        try:
            resp = self.http.post(CLOUDAUTH_ENDPOINT, data=params, timeout=self.timeout)
            resp.raise_for_status()
        except requests.RequestException as exc:
            raise VendorError(f"cloudauth unreachable: {exc}") from exc
        body = resp.json()
        if body.get("Code") != "200":
            raise VendorError(f"cloudauth error {body.get('Code')}: {body.get('Message')}")
        logger.info("cloudauth order %s answered in %s", order_no, body.get("RequestId"))
        return body["ResultObject"]["BizCode"] == "1"
