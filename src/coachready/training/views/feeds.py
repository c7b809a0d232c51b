"""iCalendar feeds: calendar apps fetch these without signing in, and
without the reader's language cookie. A personal feed speaks its owner's
language; the region's feed the language its address names (`?lang=es`,
as the calendar page links it), else the default. Either way the texts
are in that language and the times in the region's time zone."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control

from coachready.org.models import Region
from coachready.training import access
from coachready.training.calendar import CONTENT_TYPE, person_feed, region_feed


def _ics(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def feed_language(code: str | None) -> str:
    """A `lang` from a feed's address as one of the product's languages;
    anything else (absent, unknown, hostile) is the default."""
    if not code or len(code) > 20:
        return settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return settings.LANGUAGE_CODE


@cache_control(max_age=900, public=True)
def region_calendar(request, number: int):
    try:
        region = Region.objects.get(number=number)
    except Region.DoesNotExist:
        raise Http404(gettext("No such region.")) from None
    events = access.public_events().filter(region=region).prefetch_related("sessions")
    with translation.override(feed_language(request.GET.get("lang"))):
        return _ics(region_feed(region, events), f"region-{number}-training.ics")


@cache_control(max_age=900, private=True)
def my_calendar(request, token: str):
    person = access.person_for_feed_token(token)
    enrollments = (
        person.training_enrollments.filter(event__status__in=access.PUBLIC_STATUSES)
        .select_related("event")
        .prefetch_related("event__sessions")
    )
    # Their profile's language first (it follows a change there); the
    # address's, given when the link was made, for those without one.
    with translation.override(feed_language(getattr(person, "language", "") or request.GET.get("lang"))):
        return _ics(person_feed(person, enrollments), "my-training.ics")
