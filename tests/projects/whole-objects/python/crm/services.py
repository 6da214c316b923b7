from django.utils import timezone

from . import models


def register(instance: models.Customer):
    instance.save()  # expect: stored user.contact.email; stored user.name.first; stored user.name.last


def touch_login(instance: models.Customer):
    instance.last_login = timezone.now()
    instance.save(update_fields=["last_login"])


def change_email(instance: models.Customer):
    instance.save(update_fields=["email", "last_login"])  # expect: stored user.contact.email


def save_listed(instance: models.Customer, fields):
    instance.save(update_fields=fields)
