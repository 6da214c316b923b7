"""A form whose base another file declares, and classes that are no forms."""
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from rest_framework import serializers

from .address import AbstractAddressForm


class ShippingAddressForm(AbstractAddressForm):
    class Meta:
        fields = ["last_name", "postcode"]  # expect: collected user.name.last; collected user.contact.address.postal_code


class GatewayForm(AuthenticationForm):
    username = forms.EmailField(label="My email address is")  # expect: collected user.account.username
    GUEST, NEW = "anonymous", "new"


class Notifier(Mailer):
    # Not a form: its base is neither a form nor a form of the project.
    recipient_email = Field()


class Cycle(Loop):
    email = forms.EmailField()


class Loop(Cycle):
    pass


class UserSerializer(serializers.ModelSerializer):
    # Serializers write responses as often as they read requests.
    class Meta:
        fields = ["email", "phone"]
