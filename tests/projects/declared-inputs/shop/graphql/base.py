"""The project's own base for GraphQL input types."""
from graphene import InputObjectType


class BaseInputObjectType(InputObjectType):
    class Meta:
        abstract = True
