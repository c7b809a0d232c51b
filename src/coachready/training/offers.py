"""What the training calendar tells other apps: upcoming ways to complete a
course (the coach's path to ready), and the week's events for the digest."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
            title=_("%(event)s (Region %(number)s)") % {"event": event.title, "number": event.region.number},
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
        names = {"day": formats.date_format(event.first_day, "MONTH_DAY_FORMAT"), "event": event.title,
                 "seats": seats, "waiting": event.waitlist_count}
        if seats:
            line = ngettext("%(day)s: %(event)s — %(seats)s seat open", "%(day)s: %(event)s — %(seats)s seats open",
                            seats) % names
        elif event.waitlist_count:
            line = ngettext("%(day)s: %(event)s — full, %(waiting)s waiting",
                            "%(day)s: %(event)s — full, %(waiting)s waiting", event.waitlist_count) % names
        else:
            line = _("%(day)s: %(event)s — full") % names
        lines.append(line)
    if not lines:
        return []
    url = absolute_url(reverse("training:manage_list", args=[region.number]), region=region)
    return [DigestSection(title=_("Training this week"), lines=lines, url=url, order=40)]
