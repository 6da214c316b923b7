"""Small helpers."""
from flask import request


def normalize_phone(raw):
    return raw.strip().replace(" ", "")


def mask_phone(value):
    return value[:3] + "****" + value[-4:]


def client_ip():
    return request.remote_addr  # expect: collected user.device.ip_address
