"""Which region a page speaks for."""

from __future__ import annotations

from django.conf import settings

from coachready.org.models import Region


def current_region(request) -> Region | None:
    """The signed-in volunteer's home region, else the deployment's default
    region (Region 60 in the demo). Cached on the request."""
    if hasattr(request, "_coachready_region"):
        return request._coachready_region
    region = None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        person = user.person_or_none
        if person is not None:
            region = person.home_region
    if region is None:
        region = (
            Region.objects.filter(number=settings.DEFAULT_REGION_NUMBER).first()
            or Region.objects.order_by("number").first()
        )
    request._coachready_region = region
    return region
