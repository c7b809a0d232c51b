"""The region a request to the public site speaks for."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Site

from coachready.org.models import Region
from coachready.site.models.regionsite import region_site_for_site


def region_for_request(request) -> Region | None:
    """The region of the Wagtail site the request's host name selects; the
    deployment's default region when no region site matches."""
    region_site = region_site_for_site(Site.find_for_request(request))
    if region_site is not None:
        return region_site.region
    return Region.objects.filter(number=settings.DEFAULT_REGION_NUMBER).first()

