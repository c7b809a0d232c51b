"""iCalendar (RFC 5545) for training sessions: feeds and email attachments.

Each session is one VEVENT whose UID never changes (`session-<id>@coachready`)
and whose SEQUENCE is the event's change counter, so a calendar app that
subscribed to a feed or imported an attachment replaces its copy after a
change instead of showing the session twice. A cancelled event keeps its
VEVENTs with STATUS:CANCELLED, which is how calendar apps learn to drop them.

The texts (calendar name, SUMMARY, DESCRIPTION) are in the active language:
calendar apps fetch feeds without cookies, so the feed views choose it (the
person's own language, or the feed address's `lang`); emails render their
attachment inside the recipient's language. Times are the region's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from coachready.core.addresses import absolute_url
from coachready.training.models import Enrollment, Event, Session

PRODID = "-//CoachReady//Training calendar//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_url(event: Event) -> str:
    return absolute_url(reverse("training:event", args=[event.pk]), region=event.region)


def new_calendar(name: str, *, method: str = "PUBLISH") -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add("x-wr-calname", name)
    return cal


def _status(event: Event, enrollment: Enrollment | None) -> str:
    if event.status == Event.Status.CANCELLED:
        return "CANCELLED"
    if enrollment is not None and enrollment.status == Enrollment.Status.CANCELLED:
        return "CANCELLED"
    if enrollment is not None and enrollment.status == Enrollment.Status.WAITLISTED:
        return "TENTATIVE"
    return "CONFIRMED"


def session_vevent(session: Session, event: Event, *, enrollment: Enrollment | None = None) -> VEvent:
    tz = ZoneInfo(settings.TIME_ZONE)
    stamp = (event.updated_at or timezone.now()).astimezone(UTC)
    item = VEvent()
    item.add("uid", session.calendar_uid)
    item.add("dtstamp", stamp)
    item.add("last-modified", stamp)
    item.add("dtstart", datetime.combine(session.date, session.start, tzinfo=tz))
    item.add("dtend", datetime.combine(session.date, session.end, tzinfo=tz))
    item.add("sequence", event.sequence + (enrollment.sequence if enrollment is not None else 0))
    item.add("summary", _summary(session, event, enrollment))
    item.add("location", ", ".join(p for p in (event.venue_name, event.venue_address) if p))
    item.add("description", _description(event))
    item.add("url", event_url(event))
    item.add("status", _status(event, enrollment))
    return item


def _summary(session: Session, event: Event, enrollment: Enrollment | None) -> str:
    waiting = enrollment is not None and enrollment.status == Enrollment.Status.WAITLISTED
    names = {"event": event.title, "session": session.title}
    if session.title:
        if waiting:
            return _("%(event)s — %(session)s (waiting list)") % names
        return _("%(event)s — %(session)s") % names
    return _("%(event)s (waiting list)") % names if waiting else event.title


def _description(event: Event) -> str:
    """The event's own description (as its region wrote it), where it
    meets, and its page."""
    parts = [event.description.strip()]
    if event.course:
        parts.append(_("Completes: %(course)s. Attend every session to complete the course.") % {
            "course": event.course_title})
    parts.append(_("Enrolment and details: %(url)s") % {"url": event_url(event)})
    return "\n\n".join(p for p in parts if p)


def _finish(cal: Calendar) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def region_feed(region, events: Iterable[Event]) -> bytes:  # noqa: ANN001 - org.Region
    """Every public session of a region's events (sessions prefetched)."""
    cal = new_calendar(_("Region %(number)s training") % {"number": region.number})
    for event in events:
        for session in event.sessions.all():
            cal.add_component(session_vevent(session, event))
    return _finish(cal)


def person_feed(person, enrollments: Iterable[Enrollment]) -> bytes:  # noqa: ANN001 - org.Person
    """A volunteer's own sessions (enrolments with event and sessions prefetched)."""
    cal = new_calendar(_("Training of %(name)s") % {"name": person.display_name})
    # One VEVENT per session UID: someone who cancelled and enrolled again
    # has two enrolments in one event; the live one speaks for both.
    chosen: dict[int, Enrollment] = {}
    for enrollment in sorted(enrollments, key=lambda e: (e.status != Enrollment.Status.CANCELLED, e.pk)):
        chosen[enrollment.event_id] = enrollment
    for enrollment in chosen.values():
        for session in enrollment.event.sessions.all():
            cal.add_component(session_vevent(session, enrollment.event, enrollment=enrollment))
    return _finish(cal)


def event_ics(event: Event, enrollment: Enrollment | None = None) -> bytes:
    """One event's sessions, for an email attachment. A cancelled event or
    enrolment goes out as an iTIP CANCEL, which calendar apps act on by
    removing the sessions they hold under the same UIDs."""
    cancelled = _status(event, enrollment) == "CANCELLED"
    cal = new_calendar(event.title, method="CANCEL" if cancelled else "PUBLISH")
    for session in event.sessions.all():
        cal.add_component(session_vevent(session, event, enrollment=enrollment))
    return _finish(cal)
