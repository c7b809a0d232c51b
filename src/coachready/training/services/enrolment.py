"""Enrolment: seats, the waiting list, prerequisites and cancellation.

Two clicks of the same button arrive as two requests at once. The event row
is locked (select_for_update) for the whole decision, so seats are counted
one request at a time; and the database refuses a second live enrolment of
the same person (a partial unique constraint), so even a request that slips
past the first check cannot create a duplicate.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coachready.certs.services.records import rule_records_by_person
from coachready.org.audit import log_action
from coachready.org.models import Person
from coachready.training.models import Enrollment, Event
from coachready.training.services import Refused, long_date, notices


def missing_prerequisites(event: Event, person: Person, as_of: date) -> str:
    """Why `person` may not take `event`'s course yet, in the active language
    ("" when nothing is missing).

    The event's region's rules decide: Intermediate needs 12U, Advanced needs
    Intermediate. Only verified records count.
    """
    from coachready.rules import prerequisite_wording, unmet_prerequisites
    from coachready.wording.render import render

    if not event.course:
        return ""
    policy = event.region.policy()
    spec = policy.requirements.get(event.course)
    if spec is None or spec.kind != "coach_course":
        return ""
    records = rule_records_by_person([person.pk]).get(person.pk, [])
    missing = unmet_prerequisites(event.course, records, as_of, policy)
    return render(prerequisite_wording(event.course, missing, policy))


def live_enrollment(event: Event, person: Person) -> Enrollment | None:
    return (
        Enrollment.objects.filter(event=event, person=person)
        .exclude(status=Enrollment.Status.CANCELLED)
        .first()
    )


@transaction.atomic
def enrol(event: Event, person: Person, *, user: Any = None, as_of: date | None = None) -> Enrollment:
    """Enrol `person`, or put them on the waiting list when the event is full.

    Raises Refused (closed, deadline, prerequisites, already) with words to
    show. Sends the confirmation (with an .ics file) or the waiting-list notice.
    """
    as_of = as_of or timezone.localdate()
    event = Event.objects.select_for_update().select_related("region").get(pk=event.pk)
    if event.status != Event.Status.PUBLISHED:
        closed = {
            Event.Status.DRAFT: _("This event is not published yet; it takes no enrolments."),
            Event.Status.CANCELLED: _("This event is cancelled; it takes no enrolments."),
        }
        raise Refused("closed", closed.get(event.status, _("This event is completed; it takes no enrolments.")))
    if as_of > event.enrol_by:
        raise Refused("deadline", _("Enrolment closed on %(day)s.") % {"day": long_date(event.enrol_by)})
    if live_enrollment(event, person) is not None:
        raise Refused("already", _("You are already enrolled in this event (or on its waiting list)."))
    reason = missing_prerequisites(event, person, as_of)
    if reason:
        raise Refused("prerequisites", reason)
    taken = event.enrollments.filter(status=Enrollment.Status.ENROLLED).count()
    # Carry this person's calendar sequence over from any cancelled enrolment
    # in the same event, so enrolling again outranks the cancellation.
    earlier = event.enrollments.filter(person=person).aggregate(last=Max("sequence"))["last"]
    enrollment = Enrollment(event=event, person=person, sequence=0 if earlier is None else earlier + 1)
    if taken < event.capacity:
        enrollment.status = Enrollment.Status.ENROLLED
    else:
        enrollment.status = Enrollment.Status.WAITLISTED
        last = event.enrollments.aggregate(last=Max("position"))["last"] or 0
        enrollment.position = last + 1
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:
        raise Refused("already", _("You are already enrolled in this event (or on its waiting list).")) from None
    log_action(
        "training.enrollment.created", user=user, obj=enrollment, region=event.region_id,
        summary=f"{person.display_name} {enrollment.get_status_display().lower()} in {event.title}",
        data={"event": event.pk, "person": person.pk, "status": enrollment.status, "position": enrollment.position},
    )
    if enrollment.status == Enrollment.Status.ENROLLED:
        notices.enrolled(enrollment)
    else:
        notices.waitlisted(enrollment)
    return enrollment


@transaction.atomic
def cancel_enrollment(
    enrollment: Enrollment, *, user: Any = None, as_of: date | None = None, by_manager: bool = False
) -> Enrollment:
    """Cancel an enrolment. A volunteer may cancel until the enrolment
    deadline; the event's managers at any time. A freed seat goes to the
    first person on the waiting list, who is emailed."""
    as_of = as_of or timezone.localdate()
    event = Event.objects.select_for_update().select_related("region").get(pk=enrollment.event_id)
    enrollment = Enrollment.objects.select_related("person").get(pk=enrollment.pk)
    if enrollment.status == Enrollment.Status.CANCELLED:
        raise Refused("cancelled", _("This enrolment is already cancelled."))
    if not by_manager and as_of > event.enrol_by:
        raise Refused(
            "deadline",
            _("The enrolment deadline (%(day)s) has passed; ask the region to take you off the list.")
            % {"day": long_date(event.enrol_by)},
        )
    was = enrollment.status
    enrollment.status = Enrollment.Status.CANCELLED
    enrollment.cancelled_at = timezone.now()
    enrollment.sequence += 1
    enrollment.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
    log_action(
        "training.enrollment.cancelled", user=user, obj=enrollment, region=event.region_id,
        summary=f"{enrollment.person.display_name} cancelled from {event.title}",
        data={"event": event.pk, "person": enrollment.person_id, "was": was, "by_manager": by_manager},
    )
    notices.enrolment_cancelled(enrollment, was=was, by_manager=by_manager)
    if was == Enrollment.Status.ENROLLED and event.status == Event.Status.PUBLISHED:
        promote_waitlisted(event, user=user)
    return enrollment


def promote_waitlisted(event: Event, *, user: Any = None) -> list[Enrollment]:
    """Fill free seats from the waiting list, in order, and email each person
    promoted. Call inside a transaction holding the event's row lock."""
    taken = event.enrollments.filter(status=Enrollment.Status.ENROLLED).count()
    free = event.capacity - taken
    if free <= 0:
        return []
    promoted = list(
        event.enrollments.filter(status=Enrollment.Status.WAITLISTED)
        .select_related("person")
        .order_by("position", "created_at", "id")[:free]
    )
    now = timezone.now()
    for enrollment in promoted:
        enrollment.status = Enrollment.Status.ENROLLED
        enrollment.promoted_at = now
        enrollment.sequence += 1
        enrollment.save(update_fields=["status", "promoted_at", "sequence", "updated_at"])
        log_action(
            "training.enrollment.promoted", user=user, obj=enrollment, region=event.region_id,
            summary=f"{enrollment.person.display_name} moved from the waiting list into {event.title}",
            data={"event": event.pk, "person": enrollment.person_id, "position": enrollment.position},
        )
        notices.promoted(enrollment)
    return promoted
