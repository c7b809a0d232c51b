"""Attendance, and the certificate it grants.

An instructor (or administrator) of the event's region marks each session.
When a participant has been present at every session of a course, a verified
certification record (source: in-person event) is written at once, so the
volunteer's verdict changes on their next page view. Marking is corrected by
marking again; if a correction means the course was not completed after
all, the granted record is rejected with the reason — never deleted — and
the correction is audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coachready.certs.models import CertificationRecord
from coachready.certs.services.records import record_completion
from coachready.certs.services.versions import bump_readiness_for_people
from coachready.org.audit import log_action
from coachready.training.access import can_manage
from coachready.training.models import Attendance, Enrollment, Event, Session
from coachready.training.services import Refused, long_date


@dataclass
class MarkingResult:
    changed: int = 0
    granted: list[CertificationRecord] = field(default_factory=list)
    withdrawn: list[CertificationRecord] = field(default_factory=list)


def granted_record(enrollment: Enrollment) -> CertificationRecord | None:
    """The verified record this enrolment granted, if it stands."""
    return CertificationRecord.objects.filter(
        source=CertificationRecord.Source.EVENT,
        source_ref=enrollment.source_ref,
        status=CertificationRecord.Status.VERIFIED,
    ).first()


def granted_records(enrollments: list[Enrollment]) -> dict[int, CertificationRecord]:
    """The standing grants of many enrolments, in one query (for roster pages)."""
    by_ref = {e.source_ref: e.pk for e in enrollments}
    rows = CertificationRecord.objects.filter(
        source=CertificationRecord.Source.EVENT, source_ref__in=list(by_ref),
        status=CertificationRecord.Status.VERIFIED,
    )
    return {by_ref[r.source_ref]: r for r in rows}


@transaction.atomic
def mark_attendance(
    session: Session, marks: dict[int, bool], *, user: Any, today: date | None = None
) -> MarkingResult:
    """Mark who was present at `session`: `marks` maps enrolment id → present.

    Only the event region's instructors and administrators may mark; a
    session is marked on or after its day. Unchanged marks are left alone,
    so saving the same sheet twice writes nothing.
    """
    today = today or timezone.localdate()
    event = Event.objects.select_for_update().select_related("region").get(pk=session.event_id)
    if not can_manage(user, event.region):
        raise PermissionDenied(_("Only the region's instructors and administrators mark attendance."))
    if event.status not in (Event.Status.PUBLISHED, Event.Status.COMPLETED):
        closed = (_("This event is cancelled; there is no attendance to mark.")
                  if event.status == Event.Status.CANCELLED
                  else _("This event is not published yet; there is no attendance to mark."))
        raise Refused("closed", closed)
    if session.date > today:
        raise Refused("future", _("This session is on %(day)s; mark attendance on or after that day.") % {
            "day": long_date(session.date)})
    enrollments = {
        e.pk: e
        for e in event.enrollments.filter(status=Enrollment.Status.ENROLLED, pk__in=list(marks)).select_related(
            "person"
        )
    }
    unknown = set(marks) - set(enrollments)
    if unknown:
        raise Refused("unknown", _("Some of the people marked are not enrolled in this event."))
    existing = {a.enrollment_id: a for a in Attendance.objects.filter(session=session, enrollment_id__in=list(marks))}
    result = MarkingResult()
    now = timezone.now()
    touched: list[Enrollment] = []
    for pk, present in marks.items():
        row = existing.get(pk)
        if row is not None and row.present == present:
            continue
        enrollment = enrollments[pk]
        action = "training.attendance.marked" if row is None else "training.attendance.corrected"
        if row is None:
            row = Attendance(enrollment=enrollment, session=session)
        row.present, row.marked_by, row.marked_at = present, user, now
        row.save()
        log_action(
            action, user=user, obj=row, region=event.region_id,
            summary=f"{enrollment.person.display_name} {'present' if present else 'absent'} at "
            f"{event.title} on {session.date:%Y-%m-%d}",
            data={"enrollment": pk, "session": session.pk, "present": present},
        )
        result.changed += 1
        touched.append(enrollment)
    if event.course:
        sessions = list(event.sessions.order_by("date", "start"))
        for enrollment in touched:
            _settle_grant(event, sessions, enrollment, user, result)
    return result


def _settle_grant(
    event: Event, sessions: list[Session], enrollment: Enrollment, user: Any, result: MarkingResult
) -> None:
    present = set(
        Attendance.objects.filter(enrollment=enrollment, present=True).values_list("session_id", flat=True)
    )
    complete = bool(sessions) and all(s.pk in present for s in sessions)
    grant = granted_record(enrollment)
    if complete and grant is None:
        result.granted.append(
            record_completion(
                enrollment.person, event.course, sessions[-1].date,
                source=CertificationRecord.Source.EVENT, source_ref=enrollment.source_ref, user=user,
                note=_("Attended every session of %(event)s (Region %(number)s).") % {
                    "event": event.title, "number": event.region.number},
            )
        )
    elif not complete and grant is not None:
        grant.status = CertificationRecord.Status.REJECTED
        grant.rejection_reason = _(
            "Attendance at %(event)s was corrected: not every session is marked present any more."
        ) % {"event": event.title}
        grant.save(update_fields=["status", "rejection_reason"])
        bump_readiness_for_people([grant.person_id])
        log_action(
            "training.grant.withdrawn", user=user, obj=grant, region=enrollment.person.home_region_id,
            summary=f"{grant.requirement_title} of {enrollment.person.display_name} withdrawn "
            "after an attendance correction",
            data={"enrollment": enrollment.pk, "record": grant.pk, "requirement": grant.requirement},
        )
        result.withdrawn.append(grant)
        from coachready.passes.services import reconsider

        reconsider(enrollment.person, "record_withdrawn", user=user)
