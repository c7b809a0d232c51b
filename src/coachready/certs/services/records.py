"""Writing certification records. Every app that grants a certificate (a
training event's attendance, a cross-certification, an import, an
administrator's manual entry) goes through here, so each record carries its
source and each write its audit entry."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.certs.services.versions import bump_readiness_for_people
from coachready.org.audit import log_action
from coachready.org.models import Person


@transaction.atomic
def record_completion(
    person: Person,
    requirement: str,
    completed_on: date,
    *,
    source: str,
    user: Any = None,
    valid_until: date | None = None,
    risk_status: str = "",
    source_ref: str = "",
    note: str = "",
    evidence: Any = None,
    verified: bool = True,
) -> CertificationRecord:
    """Store one completed requirement for `person` and audit it.

    A verified record counts at once; an unverified one (a volunteer's own
    upload) waits in the region's verification queue.
    """
    now = timezone.now()
    record = CertificationRecord(
        person=person,
        requirement=requirement,
        completed_on=completed_on,
        valid_until=valid_until,
        risk_status=risk_status,
        source=source,
        source_ref=source_ref,
        note=note,
        status=CertificationRecord.Status.VERIFIED if verified else CertificationRecord.Status.PENDING,
        verified_by=user if verified and getattr(user, "is_authenticated", False) else None,
        verified_at=now if verified else None,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    if evidence is not None:
        record.evidence = evidence
    record.full_clean(exclude=["evidence", "person"])
    record.save()
    bump_readiness_for_people([person.pk])
    log_action(
        "certs.record.created",
        user=user,
        obj=record,
        region=person.home_region_id,
        summary=f"{record.requirement_title} completed {completed_on} for {person.display_name} "
        f"({record.get_source_display()})",
        data={
            "person": person.pk,
            "requirement": requirement,
            "completed_on": completed_on,
            "valid_until": valid_until,
            "source": source,
            "source_ref": source_ref,
            "status": record.status,
        },
    )
    if verified and risk_status:
        policy = person.home_region.policy()
        if requirement == policy.risk_requirement and risk_status not in policy.coach_risk_statuses:
            from coachready.passes.services import reconsider

            reconsider(person, "background_check", user=user)
    return record


def rule_records_by_person(person_ids: Iterable[int]) -> dict[int, list]:
    """Verified records as engine `Record`s, keyed by person id, in one query.

    Bulk pages (dashboards, reports, reminders) call this once for all the
    people they show instead of querying per person.
    """
    from coachready.rules import Record

    by_person: dict[int, list] = defaultdict(list)
    rows = CertificationRecord.objects.filter(
        person_id__in=list(person_ids), status=CertificationRecord.Status.VERIFIED
    ).values_list("pk", "person_id", "requirement", "completed_on", "valid_until", "risk_status", "source")
    for pk, person_id, requirement, completed_on, valid_until, risk_status, source in rows:
        by_person[person_id].append(
            Record(
                requirement=requirement,
                completed_on=completed_on,
                valid_until=valid_until,
                risk_status=risk_status or None,
                source=source,
                ref=pk,
            )
        )
    return by_person


class RecordFact(NamedTuple):
    """A verified record as the engine reads it (the fields of
    `coachready.rules.Record`, plus `person_id`), built straight from a
    database row: bulk readers make hundreds of thousands of them."""

    ref: int
    person_id: int
    requirement: str
    completed_on: date
    valid_until: date | None
    risk_status: str | None
    source: str


def rule_records_where(person_filter) -> dict[int, list]:  # noqa: ANN001 - a Q or a person-id subquery
    """Verified records as engine records (`RecordFact`), keyed by person id,
    in one query, for the people `person_filter` selects.

    `person_filter` is a `Q` on CertificationRecord (say
    `Q(person__home_region=region)`) or a queryset of person ids; bulk readers
    pass a subquery so the database joins instead of receiving a long
    `IN (...)` list of ids.
    """
    from django.db.models import Q, QuerySet, Value
    from django.db.models.functions import NullIf

    qs = CertificationRecord.objects.filter(status=CertificationRecord.Status.VERIFIED)
    if isinstance(person_filter, QuerySet):
        qs = qs.filter(person_id__in=person_filter)
    elif isinstance(person_filter, Q):
        qs = qs.filter(person_filter)
    else:
        raise TypeError("person_filter must be a Q or a queryset of person ids")
    # An empty risk status means "none given" to the engine, as in Record.
    rows = qs.annotate(risk=NullIf("risk_status", Value(""))).values_list(
        "pk", "person_id", "requirement", "completed_on", "valid_until", "risk", "source"
    )
    by_person: dict[int, list] = defaultdict(list)
    # tuple.__new__ rather than _make: a national report builds about a
    # million of these, and _make's length check doubles the cost.
    new = tuple.__new__
    for row in rows:
        by_person[row[1]].append(new(RecordFact, row))
    return by_person
