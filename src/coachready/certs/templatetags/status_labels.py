"""`{{ status|status_label }}`: a requirement's status in words."""

from django import template

from coachready.certs.labels import status_label

register = template.Library()
register.filter("status_label", status_label)
