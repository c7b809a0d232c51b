"""Upcoming training events for the public calendar page.

The training app owns events; the public site only reads the published,
upcoming ones of its region, through this one function, so a region with
nothing scheduled (or an install without the training tables) simply shows
"no classes scheduled".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.apps import apps
from django.db.models import Count, Min, Q
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class CalendarEvent:
    title: str
    kind: str
    starts_on: date
    start: time | None
    venue: str
    address: str
    description: str
    seats_left: int | None
    enrol_by: date
    url: str


def _event_url(pk: int) -> str:
    for name in ("training:event", "training:event_detail"):
        try:
            return reverse(name, args=[pk])
        except NoReverseMatch:
            continue
    return ""


def upcoming_events(region, today: date, limit: int = 30) -> list[CalendarEvent]:  # noqa: ANN001 - org.Region
    """Published events of `region` whose first session is today or later."""
    try:
        Event = apps.get_model("training", "Event")
    except LookupError:
        return []
    events = (
        Event.objects.filter(region=region, status="published")
        .annotate(
            first_day=Min("sessions__date"),
            taken=Count("enrollments", filter=Q(enrollments__status="enrolled"), distinct=True),
        )
        .filter(first_day__gte=today)
        .order_by("first_day", "title", "id")[:limit]
    )
    events = list(events)
    first_starts = {}
    if events:
        Session = apps.get_model("training", "Session")
        for event_id, day, start in Session.objects.filter(event__in=events).values_list("event_id", "date", "start"):
            known = first_starts.get(event_id)
            if known is None or (day, start) < known:
                first_starts[event_id] = (day, start)
    return [
        CalendarEvent(
            title=e.title,
            kind=e.get_kind_display(),
            starts_on=e.first_day,
            start=first_starts.get(e.pk, (None, None))[1],
            venue=e.venue_name,
            address=e.venue_address,
            description=e.description,
            seats_left=max(e.capacity - e.taken, 0),
            enrol_by=e.enrol_by,
            url=_event_url(e.pk),
        )
        for e in events
    ]
