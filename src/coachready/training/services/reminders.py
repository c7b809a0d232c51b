"""Session reminders, two days ahead. Run daily by a scheduler; each
(enrolment, session) pair is reminded once, whatever the number of runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction

from coachready.org.audit import log_action
from coachready.training.models import Enrollment, Event, Reminder, Session
from coachready.training.services import notices

DAYS_AHEAD = 2


@dataclass(frozen=True)
class Due:
    enrollment: Enrollment
    session: Session


def due_reminders(as_of: date) -> list[Due]:
    """Enrolled people of published events meeting `DAYS_AHEAD` days after
    `as_of`, not reminded yet."""
    day = as_of + timedelta(days=DAYS_AHEAD)
    sessions = list(
        Session.objects.filter(date=day, event__status=Event.Status.PUBLISHED).select_related("event__region")
    )
    if not sessions:
        return []
    enrollments = list(
        Enrollment.objects.filter(event__in={s.event_id for s in sessions}, status=Enrollment.Status.ENROLLED)
        .select_related("person", "event__region")
    )
    sent = set(
        Reminder.objects.filter(session__in=sessions).values_list("enrollment_id", "session_id")
    )
    return [
        Due(e, s)
        for s in sessions
        for e in enrollments
        if e.event_id == s.event_id and (e.pk, s.pk) not in sent
    ]


def send_reminder(due: Due) -> bool:
    """Record and send one reminder; False when another run got there first."""
    try:
        with transaction.atomic():
            Reminder.objects.create(enrollment=due.enrollment, session=due.session)
            log_action(
                "training.reminder.sent", obj=due.enrollment, region=due.enrollment.event.region_id,
                summary=f"Reminder to {due.enrollment.person.display_name} for {due.enrollment.event.title} "
                f"on {due.session.date:%Y-%m-%d}",
                data={"session": due.session.pk},
            )
            notices.reminder(due.enrollment, due.session)
    except IntegrityError:
        return False
    return True
