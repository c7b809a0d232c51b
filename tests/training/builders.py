"""Training events for tests, dated around today so deadlines behave."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from coachready.training.models import Enrollment, Event, Session


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def make_event(
    region, *, title: str = "10U Coach course", course: str = "coach_10u", capacity: int = 20,
    session_days=(10, 12), enrol_by: date | None = None, status: str = Event.Status.PUBLISHED,
    instructors=(),
) -> Event:
    """A course with one session per entry of `session_days` (days from today):
    a classroom evening, then a field morning."""
    first = min(session_days)
    event = Event.objects.create(
        region=region, kind=Event.Kind.COURSE if course else Event.Kind.CLINIC, title=title, course=course,
        venue_name="Almansor Park", venue_address="800 S Almansor St, Alhambra, CA 91801",
        capacity=capacity, enrol_by=enrol_by or days(first - 2), status=status,
    )
    event.instructors.set(instructors)
    for i, n in enumerate(sorted(session_days)):
        start, end = (time(18, 30), time(21, 30)) if i == 0 else (time(8, 0), time(12, 0))
        Session.objects.create(event=event, date=days(n), start=start, end=end,
                               title="classroom" if i == 0 else "on the field")
    return event


def seat(event: Event, person, status: str = Enrollment.Status.ENROLLED, position: int | None = None) -> Enrollment:
    """An enrolment written directly, for tests that start after enrolment."""
    return Enrollment.objects.create(event=event, person=person, status=status, position=position)
