"""What the training calendar tells other apps: upcoming ways to complete a
course (the coach's path to ready), and the week's events for the digest."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse

from coachready.core.addresses import absolute_url
from coachready.core.hooks import CourseOffer, DigestSection
from coachready.training.models import Event

MAX_OFFERS = 10


def course_offers(region, course: str, after: date) -> list[CourseOffer]:  # noqa: ANN001 - org.Region
    """Published events granting `course` still taking enrolments after
    `after`, the region's own first; full events still offer the waiting list."""
    events = (
        Event.objects.filter(status=Event.Status.PUBLISHED, course=course, enrol_by__gte=after).with_counts()
        .filter(first_day__gte=after)
        .select_related("region")
        .annotate(own=Case(When(region=region, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("own", "first_day", "id")[:MAX_OFFERS]
    )
    return [
        CourseOffer(
            course=course,
            title=f"{event.title} (Region {event.region.number})",
            starts_on=event.first_day,
            url=reverse("training:event", args=[event.pk]),
            place=event.venue_name,
            seats_left=max(event.capacity - event.enrolled_count, 0),
            enrol_url=reverse("training:enrol", args=[event.pk]),
        )
        for event in events
    ]


def digest_sections(region, as_of: date) -> list[DigestSection]:  # noqa: ANN001 - org.Region
    """The region's events in the coming week, with open seats and waiting lists."""
    week_end = as_of + timedelta(days=7)
    events = (
        Event.objects.filter(region=region, status=Event.Status.PUBLISHED).with_counts()
        .filter(first_day__gte=as_of, first_day__lt=week_end)
        .order_by("first_day", "id")
    )
    lines = []
    for event in events:
        seats = max(event.capacity - event.enrolled_count, 0)
        state = f"{seats} seat{'s' if seats != 1 else ''} open" if seats else "full"
        if event.waitlist_count:
            state += f", {event.waitlist_count} waiting"
        lines.append(f"{event.first_day:%a %b} {event.first_day.day}: {event.title} — {state}")
    if not lines:
        return []
    url = absolute_url(reverse("training:manage_list", args=[region.number]), region=region)
    return [DigestSection(title="Training this week", lines=lines, url=url, order=40)]
