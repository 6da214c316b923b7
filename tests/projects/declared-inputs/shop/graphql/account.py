"""Input and output types in another file than their base."""
import graphene

from .base import BaseInputObjectType


class AccountBaseInput(BaseInputObjectType):
    first_name = graphene.String(description="Given name.")  # expect: collected user.name.first


class AccountRegisterInput(AccountBaseInput):
    email = graphene.String(required=True)  # expect: collected user.contact.email
    password = graphene.String(required=True)  # expect: collected user.authorization.password
    redirect_url = graphene.String()


class ShippingZoneInput(BaseInputObjectType):
    # The name of a thing, not of a person.
    name = graphene.String()


class User(graphene.ObjectType):
    # An output type: the server sends these fields, the client fills none.
    email = graphene.String()
    phone = graphene.String()
