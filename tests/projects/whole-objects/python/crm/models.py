from django.db import models


class Address(models.Model):
    street_address = models.CharField(max_length=256)


# `addresses` and `default_address` hold keys of `Address` rows, not
# addresses: saving a `Customer` stores its email and names only.
class Customer(models.Model):
    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=256)
    last_name = models.CharField(max_length=256)
    addresses = models.ManyToManyField(Address, blank=True)
    default_address = models.ForeignKey(Address, null=True, on_delete=models.SET_NULL)
    last_login = models.DateTimeField(null=True)
