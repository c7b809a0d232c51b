"""The product's URLs and one that raises, for the production smoke test."""

from django.urls import path

from coachready.config.urls import handler500
from coachready.config.urls import urlpatterns as product_urlpatterns


class DeliberateFailure(Exception):
    """Raised by the smoke test's failing URL."""


def fail(request):
    raise DeliberateFailure("the smoke test asked for a server error")


urlpatterns = [path("smoke-test/server-error/", fail), *product_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
