"""iCalendar feeds: calendar apps fetch these without signing in."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control

from coachready.org.models import Region
from coachready.training import access
from coachready.training.calendar import CONTENT_TYPE, person_feed, region_feed


def _ics(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@cache_control(max_age=900, public=True)
def region_calendar(request, number: int):
    try:
        region = Region.objects.get(number=number)
    except Region.DoesNotExist:
        raise Http404("No such region.") from None
    events = access.public_events().filter(region=region).prefetch_related("sessions")
    return _ics(region_feed(region, events), f"region-{number}-training.ics")


@cache_control(max_age=900, private=True)
def my_calendar(request, token: str):
    person = access.person_for_feed_token(token)
    enrollments = (
        person.training_enrollments.filter(event__status__in=access.PUBLIC_STATUSES)
        .select_related("event")
        .prefetch_related("event__sessions")
    )
    return _ics(person_feed(person, enrollments), "my-training.ics")
