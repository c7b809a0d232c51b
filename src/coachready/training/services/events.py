"""Scheduling events: create, edit, sessions, publish, cancel, complete.

Every change that a calendar app could hold a copy of raises the event's
sequence number, so feeds and .ics attachments replace the old copy. People
enrolled in a published event are told of changes and of a cancellation.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachready.org.audit import changes, log_action
from coachready.org.models import Person, Region
from coachready.training.access import instructors_for
from coachready.training.models import Enrollment, Event, Session
from coachready.training.services import Refused, notices
from coachready.training.services.enrolment import promote_waitlisted

EVENT_FIELDS = (
    "kind", "title", "description", "course", "venue_name", "venue_address", "map_url", "capacity", "enrol_by",
)
SESSION_FIELDS = ("date", "start", "end", "title")
# Changes that matter to someone who is coming: they get a notice.
NOTICE_FIELDS = frozenset({"title", "venue_name", "venue_address", "map_url"})


def _actor(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def check_deadline(enrol_by: date | None, session_dates: Iterable[date]) -> None:
    """The enrolment deadline must not fall after the first session."""
    dates = sorted(session_dates)
    if enrol_by is not None and dates and enrol_by > dates[0]:
        raise ValidationError(
            {"enrol_by": _("The enrolment deadline must not be after the first session (%(day)s).") % {
                "day": formats.date_format(dates[0], "DATE_FORMAT")}}
        )


def check_instructors(region: Region, instructors: Iterable[Person]) -> None:
    allowed = set(instructors_for(region).values_list("pk", flat=True))
    outsiders = [p.display_name for p in instructors if p.pk not in allowed]
    if outsiders:
        raise ValidationError(
            {"instructors": _("Not an instructor of Region %(number)s: %(names)s.") % {
                "number": region.number, "names": ", ".join(outsiders)}}
        )


def _live(event: Event):
    return event.enrollments.exclude(status=Enrollment.Status.CANCELLED).select_related("person")


@transaction.atomic
def create_event(
    region: Region, fields: dict[str, Any], first_session: dict[str, Any], *,
    instructors: Iterable[Person] = (), user: Any = None,
) -> Event:
    """A draft event with its first session. Raises ValidationError naming the field."""
    instructors = list(instructors)
    event = Event(region=region, created_by=_actor(user), **{k: fields[k] for k in EVENT_FIELDS if k in fields})
    event.full_clean()
    session = Session(**{k: first_session[k] for k in SESSION_FIELDS if k in first_session})
    session.full_clean(exclude=["event"])
    check_deadline(event.enrol_by, [session.date])
    check_instructors(region, instructors)
    event.save()
    event.instructors.set(instructors)
    session.event = event
    session.save()
    log_action(
        "training.event.created", user=user, obj=event, region=region,
        summary=f"{event.title} ({event.get_kind_display()}) created",
        data={"course": event.course, "capacity": event.capacity, "first_session": session.date},
    )
    return event


@transaction.atomic
def update_event(event: Event, fields: dict[str, Any], *, instructors: Iterable[Person], user: Any = None) -> Event:
    """Edit an event. Capacity may not drop below the people already enrolled;
    a larger capacity moves people up from the waiting list."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    instructors = list(instructors)
    before = {k: getattr(event, k) for k in EVENT_FIELDS}
    for key in EVENT_FIELDS:
        if key in fields:
            setattr(event, key, fields[key])
    event.full_clean()
    check_deadline(event.enrol_by, event.sessions.values_list("date", flat=True))
    check_instructors(event.region, instructors)
    enrolled = event.enrollments.filter(status=Enrollment.Status.ENROLLED).count()
    if event.capacity < enrolled:
        raise ValidationError(
            {"capacity": ngettext(
                "%(count)s person is enrolled; the capacity cannot be lower than that.",
                "%(count)s people are enrolled; the capacity cannot be lower than that.",
                enrolled,
            ) % {"count": enrolled}}
        )
    diff = changes(before, {k: getattr(event, k) for k in EVENT_FIELDS})
    old_instructors = set(Event.instructors.through.objects.filter(event=event).values_list("person_id", flat=True))
    new_instructors = {p.pk for p in instructors}
    if new_instructors != old_instructors:
        diff["instructors"] = [sorted(old_instructors), sorted(new_instructors)]
    if not diff:
        return event
    event.sequence += 1
    event.save()
    event.instructors.set(instructors)
    log_action(
        "training.event.updated", user=user, obj=event, region=event.region_id,
        summary=f"{event.title}: {', '.join(sorted(diff))} changed", data=diff,
    )
    if event.status == Event.Status.PUBLISHED:
        promote_waitlisted(event, user=user)
        if NOTICE_FIELDS & diff.keys():
            notices.event_changed(event, list(_live(event)), sorted(NOTICE_FIELDS & diff.keys()))
    return event


def _save_session(event: Event, session: Session, data: dict[str, Any], user: Any, action: str) -> Session:
    before = {k: getattr(session, k) for k in SESSION_FIELDS}
    for key in SESSION_FIELDS:
        if key in data:
            setattr(session, key, data[key])
    session.full_clean(exclude=["event"])
    other_dates = list(event.sessions.exclude(pk=session.pk).values_list("date", flat=True))
    check_deadline(event.enrol_by, [*other_dates, session.date])
    diff = changes(before, {k: getattr(session, k) for k in SESSION_FIELDS})
    if session.pk is not None and not diff:
        return session
    session.save()
    event.sequence += 1
    event.save(update_fields=["sequence", "updated_at"])
    log_action(
        action, user=user, obj=session, region=event.region_id,
        summary=f"{event.title}: session on {session.date:%Y-%m-%d} {session.start:%H:%M}-{session.end:%H:%M}",
        data=diff,
    )
    if event.status == Event.Status.PUBLISHED:
        notices.event_changed(event, list(_live(event)), ["sessions"])
    return session


@transaction.atomic
def add_session(event: Event, data: dict[str, Any], *, user: Any = None) -> Session:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status in (Event.Status.CANCELLED, Event.Status.COMPLETED):
        raise Refused("closed", _("This event is cancelled; its sessions are final.")
                      if event.status == Event.Status.CANCELLED
                      else _("This event is completed; its sessions are final."))
    return _save_session(event, Session(event=event), data, user, "training.session.added")


@transaction.atomic
def update_session(session: Session, data: dict[str, Any], *, user: Any = None) -> Session:
    event = Event.objects.select_for_update().get(pk=session.event_id)
    if event.status in (Event.Status.CANCELLED, Event.Status.COMPLETED):
        raise Refused("closed", _("This event is cancelled; its sessions are final.")
                      if event.status == Event.Status.CANCELLED
                      else _("This event is completed; its sessions are final."))
    session = Session.objects.get(pk=session.pk)
    return _save_session(event, session, data, user, "training.session.changed")


@transaction.atomic
def publish_event(event: Event, *, user: Any = None) -> Event:
    """Put a draft on the public calendar."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.DRAFT:
        raise Refused("not_draft", _("Only a draft can be published."))
    if not event.sessions.exists():
        raise Refused("no_sessions", _("Add at least one session before publishing."))
    event.status = Event.Status.PUBLISHED
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    log_action("training.event.published", user=user, obj=event, region=event.region_id,
               summary=f"{event.title} published")
    return event


@transaction.atomic
def cancel_event(event: Event, *, reason: str = "", user: Any = None) -> Event:
    """Cancel an event; everyone enrolled or waiting is told. The event stays
    listed as cancelled so calendar apps remove it."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status not in (Event.Status.DRAFT, Event.Status.PUBLISHED):
        raise Refused("closed", _("This event is already cancelled.") if event.status == Event.Status.CANCELLED
                      else _("This event is already completed."))
    was_public = event.status == Event.Status.PUBLISHED
    event.status = Event.Status.CANCELLED
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    people = list(_live(event))
    log_action("training.event.cancelled", user=user, obj=event, region=event.region_id,
               summary=f"{event.title} cancelled", data={"reason": reason, "people_told": len(people)})
    if was_public:
        notices.event_cancelled(event, people, reason)
    return event


@transaction.atomic
def complete_event(event: Event, *, user: Any = None, today: date | None = None) -> Event:
    """Close a published event once its last session has taken place."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    today = today or timezone.localdate()
    if event.status != Event.Status.PUBLISHED:
        raise Refused("not_published", _("Only a published event can be completed."))
    last = event.sessions.order_by("-date").values_list("date", flat=True).first()
    if last is None or last > today:
        raise Refused("not_over", _("The event is not over yet: its last session is still to come."))
    event.status = Event.Status.COMPLETED
    event.save(update_fields=["status", "updated_at"])
    log_action("training.event.completed", user=user, obj=event, region=event.region_id,
               summary=f"{event.title} completed")
    return event
