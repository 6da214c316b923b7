"""A Django model form that lists its fields, and forms built on it."""
from django import forms

from ..models import UserAddress


class AbstractAddressForm(forms.ModelForm):
    pass


class UserAddressForm(AbstractAddressForm):
    class Meta:
        model = UserAddress
        fields = [
            "first_name",  # expect: collected user.name.first
            "line1",
            "phone_number",  # expect: collected user.contact.phone_number
        ]
