from datetime import date
from decimal import Decimal

from flask import Blueprint, jsonify, request
from loguru import logger

from .accounts import current_user
from .models import Payment, Remittance, db
from .utils import alipay_client, audit

bp = Blueprint("billing", __name__, url_prefix="/api/billing")

ALIPAY_GATEWAY = "https://openapi.alipay.com/gateway.do"


def _cents(amount):
    return int((Decimal(amount) * 100).quantize(Decimal("1")))


@bp.route("/remittances", methods=["POST"])
def report_remittance():
    """Offline bank transfer: the customer tells us which account the money came from."""
    user = current_user()
    if user is None:
        return jsonify(error="login required"), 401

    remittance = Remittance(
        user_id=user.id,
        order_no=request.form["order_no"],
        payer_name=request.form["payer_name"].strip(),
        bank_name=request.form["bank_name"].strip(),
        bank_account=request.form["bank_account"].replace(" ", ""),
        amount_cents=_cents(request.form["amount"]),
        remitted_on=date.fromisoformat(request.form["remitted_on"]),
    )
    db.session.add(remittance)
    db.session.commit()
    audit(
        "remittance_reported",
        user_id=user.id,
        order_no=remittance.order_no,
        payer_name=remittance.payer_name,
        bank_account=remittance.bank_account,
    )
    return jsonify(id=remittance.id), 201


@bp.route("/orders/<order_no>/pay", methods=["POST"])
def pay_order(order_no):
    user = current_user()
    if user is None:
        return jsonify(error="login required"), 401

    amount = request.form["amount"]
    product_name = request.form.get("product_name", "Easy Link Cloud")
    query = alipay_client().api_alipay_trade_page_pay(
        out_trade_no=order_no,
        total_amount=amount,
        subject=product_name,
        return_url="https://console.easylink.cn/orders/" + order_no,
    )
    payment = Payment(
        user_id=user.id,
        order_no=order_no,
        method="alipay",
        amount_cents=_cents(amount),
        status="WAIT_BUYER_PAY",
    )
    db.session.add(payment)
    db.session.commit()
    logger.info("alipay checkout created for order {} ({})", order_no, product_name)
    return jsonify(redirect=ALIPAY_GATEWAY + "?" + query)
