import os

from flask import Flask

from .models import db
from .utils import configure_logging


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "postgresql://easylink@localhost:5432/easylink"
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SECRET_KEY = os.environ.get("SECRET_KEY", "")

    LOG_PATH = os.environ.get("LOG_PATH", "/var/log/easylink/app.log")
    FACE_STORE_DIR = os.environ.get("FACE_STORE_DIR", "/srv/easylink/faces")
    RECORDING_DIR = os.environ.get("RECORDING_DIR", "/srv/easylink/recordings")

    IDV_APP_CODE = os.environ.get("IDV_APP_CODE", "")
    SENDGRID_API_KEY = os.environ.get("SENDGRID_API_KEY", "")
    MAIL_SENDER = "no-reply@easylink.cn"
    WELCOME_EMAIL_TEMPLATE_ID = "d-8f3b2c71e4a94f0c9d1e5a7b6c3f2e10"

    ALIYUN_ACCESS_KEY_ID = os.environ.get("ALIYUN_ACCESS_KEY_ID", "")
    ALIYUN_ACCESS_KEY_SECRET = os.environ.get("ALIYUN_ACCESS_KEY_SECRET", "")
    SMS_SIGN_NAME = "易联云"

    ALIPAY_APP_ID = os.environ.get("ALIPAY_APP_ID", "")
    ALIPAY_PRIVATE_KEY = os.environ.get("ALIPAY_PRIVATE_KEY", "")
    ALIPAY_PUBLIC_KEY = os.environ.get("ALIPAY_PUBLIC_KEY", "")
    ALIPAY_NOTIFY_URL = "https://console.easylink.cn/api/billing/alipay/notify"

    CRM_TOKEN = os.environ.get("CRM_TOKEN", "")


def create_app(config_object=Config):
    app = Flask(__name__)
    app.config.from_object(config_object)
    db.init_app(app)
    configure_logging(app)

    from . import accounts, billing, realname, support

    app.register_blueprint(accounts.bp)
    app.register_blueprint(realname.bp)
    app.register_blueprint(billing.bp)
    app.register_blueprint(support.bp)

    with app.app_context():
        db.create_all()
    return app
