"""Events of the shop: a related object given to a model write by keyword is
stored as a reference (its fields stay where it is stored itself); a mapping
given by keyword is stored whole, as JSON, and so is a dict built here."""
from .model import CustomerEvent, Order, OrderEvent, Subscriber


def order_placed_event(order):
    return OrderEvent.objects.create(order=order, type="placed")


def email_changed_event(user_id, parameters: dict):
    return CustomerEvent.objects.create(user_id=user_id, parameters=parameters)  # reported where callers pass their data in


def change_email(user, new_email):
    order = Order(user_email=new_email)
    order_placed_event(order)
    email_changed_event(user.id, {"new_email": new_email})  # expect: stored user.contact.email
    defaults = {"email": new_email}
    Subscriber.objects.get_or_create(user_id=user.id, defaults=defaults)  # expect: stored user.contact.email
