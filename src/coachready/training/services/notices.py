"""The emails of the training calendar. Each carries the event's sessions as
an .ics file where a calendar app should add or update them."""

from __future__ import annotations

from collections.abc import Iterable

from coachready.core.mail import send_templated
from coachready.training.calendar import event_ics, event_url
from coachready.training.models import Enrollment, Event, Session

ICS_TYPE = "text/calendar"
# What a change notice calls each changed part of an event.
CHANGE_WORDS = {
    "title": "the title", "venue_name": "the venue", "venue_address": "the address",
    "map_url": "the map link", "sessions": "the dates and times",
}


def _send(enrollment: Enrollment, subject: str, template: str, *, ics: bool = True, **extra: object) -> None:
    event, person = enrollment.event, enrollment.person
    if not person.email:
        return
    context = {
        "event": event,
        "sessions": list(event.sessions.all()),
        "person": person,
        "enrollment": enrollment,
        "event_url": event_url(event),
        **extra,
    }
    attachments = [("training.ics", event_ics(event, enrollment), ICS_TYPE)] if ics else []
    send_templated([person.email], subject, f"training/email/{template}", context,
                   region=event.region, attachments=attachments)


def enrolled(enrollment: Enrollment) -> None:
    _send(enrollment, f"You are enrolled: {enrollment.event.title}", "enrolled")


def waitlisted(enrollment: Enrollment) -> None:
    _send(enrollment, f"On the waiting list: {enrollment.event.title}", "waitlisted", ics=False)


def promoted(enrollment: Enrollment) -> None:
    _send(enrollment, f"A seat opened up — you are enrolled: {enrollment.event.title}", "promoted")


def enrolment_cancelled(enrollment: Enrollment, *, was: str, by_manager: bool) -> None:
    """Tell the person their place is gone; the attachment (METHOD:CANCEL,
    a raised SEQUENCE) takes the sessions out of their calendar."""
    _send(
        enrollment, f"Enrolment cancelled: {enrollment.event.title}", "enrolment_cancelled",
        was_waitlisted=was == Enrollment.Status.WAITLISTED, by_manager=by_manager,
    )


def event_changed(event: Event, enrollments: Iterable[Enrollment], what: list[str]) -> None:
    for enrollment in enrollments:
        _send(enrollment, f"Changed: {event.title}", "changed", what=[CHANGE_WORDS.get(w, w) for w in what])


def event_cancelled(event: Event, enrollments: Iterable[Enrollment], reason: str) -> None:
    for enrollment in enrollments:
        _send(enrollment, f"Cancelled: {event.title}", "cancelled", reason=reason)


def reminder(enrollment: Enrollment, session: Session) -> None:
    _send(enrollment, f"Reminder: {enrollment.event.title} on {session.date:%A}", "reminder", session=session)
