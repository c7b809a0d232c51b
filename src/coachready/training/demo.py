"""Demo training calendar of Region 60 for the MY2026 fall season: the
courses a new coach needs, a clinic, and one small class that filled up."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from coachready.core.demo import DemoContext
from coachready.training.models import Enrollment, Event, Session

ALMANSOR = ("Almansor Park community room", "800 S Almansor St, Alhambra, CA 91801")
BARNES = ("Barnes Park", "350 S McPherrin Ave, Monterey Park, CA 91754")
ALHAMBRA_PARK = ("Alhambra Park", "500 N Palm Ave, Alhambra, CA 91801")

# title, course, venue, capacity, enrol_by, sessions (date, start, end, what), enrolled, waiting
EVENTS = (
    ("10U Coach course", "coach_10u", ALMANSOR, 20, date(2026, 9, 8), (
        (date(2026, 9, 10), time(18, 30), time(21, 30), "classroom"),
        (date(2026, 9, 12), time(8, 0), time(12, 0), "on the field"),
    ), 14, 0),
    ("12U Coach course", "coach_12u", ALMANSOR, 20, date(2026, 9, 22), (
        (date(2026, 9, 24), time(18, 30), time(21, 30), "classroom"),
        (date(2026, 9, 26), time(8, 0), time(12, 30), "on the field"),
    ), 8, 0),
    ("Intermediate Coach course (14U)", "coach_intermediate", BARNES, 16, date(2026, 10, 5), (
        (date(2026, 10, 8), time(18, 30), time(21, 30), "classroom"),
        (date(2026, 10, 10), time(8, 0), time(14, 0), "on the field"),
    ), 0, 0),
    ("Regional Referee course", "referee_regional", BARNES, 30, date(2026, 10, 14), (
        (date(2026, 10, 17), time(8, 0), time(16, 0), "classroom and field"),
    ), 12, 0),
    ("Safe Haven in-person class", "safe_haven", ALHAMBRA_PARK, 4, date(2026, 9, 17), (
        (date(2026, 9, 19), time(9, 0), time(12, 0), ""),
    ), 4, 3),
    ("Fall coach clinic: small-sided games", "", ALHAMBRA_PARK, 40, date(2026, 11, 5), (
        (date(2026, 11, 7), time(9, 0), time(11, 30), "on the field"),
    ), 10, 0),
)

DESCRIPTIONS = {
    "coach_10u": "The 10U Coach certification (covers 9U): a classroom evening, then a morning on the field. "
    "Attend both to complete it.",
    "coach_12u": "The 12U Coach certification: a classroom evening, then a morning on the field.",
    "coach_intermediate": "For 14U coaches. You need the 12U Coach certification first.",
    "referee_regional": "Every Region 60 coach must be at least a Regional Referee. Bring water and a whistle.",
    "safe_haven": "AYSO's Safe Haven, in person, for volunteers who prefer a class to the online course.",
    "": "A coach clinic for every division: warm-ups, small-sided games and keeping practice fun. "
    "No certificate; all coaches welcome.",
}


def _shift(today: date) -> timedelta:
    """Whole weeks that move the calendar so its first class is at least a
    week ahead of the day the demo is loaded: a demo shows classes one can
    still enrol in. Whole weeks keep every class on its weekday."""
    first = min(d for *_, schedule, _, _ in EVENTS for d, *_ in schedule)
    gap = (today + timedelta(days=7) - first).days
    return timedelta(weeks=max(0, -(-gap // 7)))


def load(ctx: DemoContext) -> None:
    shift = _shift(timezone.localdate())
    instructor = ctx.personas["instructor"]
    local = [p for p in ctx.people if p.home_region_id == ctx.region.pk]
    events, sessions, enrollments = [], [], []
    for title, course, (venue, address), capacity, enrol_by, _, _, _ in EVENTS:
        events.append(Event(
            region=ctx.region, kind=Event.Kind.COURSE if course else Event.Kind.CLINIC, title=title,
            description=DESCRIPTIONS[course], course=course, venue_name=venue, venue_address=address,
            capacity=capacity, enrol_by=enrol_by + shift, status=Event.Status.PUBLISHED, sequence=1,
            created_by=ctx.personas["rca"].user,
        ))
    events = Event.objects.bulk_create(events)
    for event, (*_, schedule, enrolled, waiting) in zip(events, EVENTS, strict=True):
        event.instructors.add(instructor)
        sessions.extend(
            Session(event=event, date=d + shift, start=s, end=e, title=what) for d, s, e, what in schedule
        )
        people = ctx.rng.sample(local, enrolled + waiting)
        enrollments.extend(
            Enrollment(event=event, person=p, status=Enrollment.Status.ENROLLED) for p in people[:enrolled]
        )
        enrollments.extend(
            Enrollment(event=event, person=p, status=Enrollment.Status.WAITLISTED, position=i)
            for i, p in enumerate(people[enrolled:], start=1)
        )
    Session.objects.bulk_create(sessions)
    Enrollment.objects.bulk_create(enrollments)
