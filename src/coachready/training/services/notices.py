"""The emails of the training calendar. Each carries the event's sessions as
an .ics file where a calendar app should add or update them.

Every email is written in its recipient's language: subject, both parts
and the calendar file's texts are rendered inside that language, and dates
in the region's time zone."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coachready.core.mail import send_templated
from coachready.training.calendar import event_ics, event_url
from coachready.training.models import Enrollment, Event, Session

ICS_TYPE = "text/calendar"
# What a change notice calls each changed part of an event.
CHANGE_WORDS = {
    "title": gettext_lazy("the title"), "venue_name": gettext_lazy("the venue"),
    "venue_address": gettext_lazy("the address"), "map_url": gettext_lazy("the map link"),
    "sessions": gettext_lazy("the dates and times"),
}


def language_of(person) -> str:  # noqa: ANN001 - org.Person
    """The language a person reads their email in."""
    return getattr(person, "language", "") or settings.LANGUAGE_CODE


def _send(
    enrollment: Enrollment, subject: Callable[[], str], template: str, *, ics: bool = True, **extra: object
) -> None:
    """`subject` is called inside the recipient's language, so its words and
    dates come out in it."""
    event, person = enrollment.event, enrollment.person
    if not person.email:
        return
    with translation.override(language_of(person)):
        context = {
            "event": event,
            "sessions": list(event.sessions.all()),
            "person": person,
            "enrollment": enrollment,
            "event_url": event_url(event),
            **extra,
        }
        attachments = [("training.ics", event_ics(event, enrollment), ICS_TYPE)] if ics else []
        send_templated([person.email], subject(), f"training/email/{template}", context,
                       region=event.region, attachments=attachments, person=person)


def enrolled(enrollment: Enrollment) -> None:
    title = enrollment.event.title
    _send(enrollment, lambda: _("You are enrolled: %(event)s") % {"event": title}, "enrolled")


def waitlisted(enrollment: Enrollment) -> None:
    title = enrollment.event.title
    _send(enrollment, lambda: _("On the waiting list: %(event)s") % {"event": title}, "waitlisted", ics=False)


def promoted(enrollment: Enrollment) -> None:
    title = enrollment.event.title
    _send(enrollment, lambda: _("A seat opened up — you are enrolled: %(event)s") % {"event": title}, "promoted")


def enrolment_cancelled(enrollment: Enrollment, *, was: str, by_manager: bool) -> None:
    """Tell the person their place is gone; the attachment (METHOD:CANCEL,
    a raised SEQUENCE) takes the sessions out of their calendar."""
    title = enrollment.event.title
    _send(
        enrollment, lambda: _("Enrolment cancelled: %(event)s") % {"event": title}, "enrolment_cancelled",
        was_waitlisted=was == Enrollment.Status.WAITLISTED, by_manager=by_manager,
    )


def event_changed(event: Event, enrollments: Iterable[Enrollment], what: list[str]) -> None:
    words = [CHANGE_WORDS.get(w, w) for w in what]
    for enrollment in enrollments:
        _send(enrollment, lambda: _("Changed: %(event)s") % {"event": event.title}, "changed", what=words)


def event_cancelled(event: Event, enrollments: Iterable[Enrollment], reason: str) -> None:
    for enrollment in enrollments:
        _send(enrollment, lambda: _("Cancelled: %(event)s") % {"event": event.title}, "cancelled", reason=reason)


def reminder(enrollment: Enrollment, session: Session) -> None:
    title = enrollment.event.title
    _send(
        enrollment,
        lambda: _("Reminder: %(event)s on %(weekday)s") % {
            "event": title, "weekday": formats.date_format(session.date, "l")},
        "reminder", session=session,
    )
