"""A volunteer's upload and the region's decision on it.

An upload becomes a pending record; an administrator approves it (optionally
correcting the completion date) or rejects it with a reason. Each decision is
one transaction with its audit entry, and the volunteer is emailed the
outcome once the transaction has committed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coachready.certs.models import CertificationRecord
from coachready.certs.services.records import record_completion
from coachready.certs.services.versions import bump_readiness_for_people
from coachready.core.mail import send_templated
from coachready.core.policy_words import local_title
from coachready.org.audit import log_action
from coachready.org.models import Person


class DecisionError(ValueError):
    """A decision that cannot be made (the record was already decided...)."""


def submit_upload(person: Person, requirement: str, completed_on: date, evidence: Any, *, user: Any,
                  today: date) -> CertificationRecord:
    """Store a volunteer's own certificate as pending verification.

    The form has already checked the file's content and the requirement; this
    refuses again what must never be stored (a coaching licence, a future date).
    """
    policy = person.home_region.policy()
    spec = policy.requirements.get(requirement)
    if spec is None or not spec.reportable:
        raise DecisionError(
            _("%(title)s cannot be uploaded by a volunteer.") % {"title": local_title(policy, requirement)}
        )
    if completed_on > today:
        raise DecisionError(_("The completion date is in the future."))
    return record_completion(
        person, requirement, completed_on, source=CertificationRecord.Source.UPLOAD,
        user=user, evidence=evidence, verified=False,
    )


def language_of(person: Person) -> str:
    """The language a person reads their email in (the region's default when
    they have not chosen one)."""
    return getattr(person, "language", "") or settings.LANGUAGE_CODE


def _notify(record: CertificationRecord) -> None:
    person = record.person
    if not person.email:
        return
    policy = person.home_region.policy()
    approved = record.status == CertificationRecord.Status.VERIFIED
    with translation.override(language_of(person)):
        title = local_title(policy, record.requirement)
        if approved:
            subject = _("%(title)s: certificate verified") % {"title": title}
        else:
            subject = _("%(title)s: certificate not accepted") % {"title": title}
        send_templated(
            [person.email], subject, "certs/email/record_decided",
            {"person": person, "record": record, "title": title, "approved": approved,
             "history_path": reverse("certs:history")},
            region=person.home_region, person=person,
        )


def _pending(record: CertificationRecord) -> CertificationRecord:
    # Lock the row: two administrators clicking at once must not both decide.
    locked = CertificationRecord.objects.select_for_update().select_related("person__home_region").get(pk=record.pk)
    if locked.status != CertificationRecord.Status.PENDING:
        raise DecisionError(_("This upload has already been decided."))
    return locked


@transaction.atomic
def approve(record: CertificationRecord, *, user: Any, completed_on: date | None = None,
            today: date) -> CertificationRecord:
    """Verify a pending upload; `completed_on` corrects the date first."""
    record = _pending(record)
    if completed_on is not None and completed_on > today:
        raise DecisionError(_("The completion date is in the future."))
    old_date = record.completed_on
    if completed_on is not None:
        record.completed_on = completed_on
    record.status = CertificationRecord.Status.VERIFIED
    record.verified_by = user
    record.verified_at = timezone.now()
    record.save(update_fields=["completed_on", "status", "verified_by", "verified_at"])
    bump_readiness_for_people([record.person_id])
    data: dict[str, Any] = {"person": record.person_id, "requirement": record.requirement}
    if record.completed_on != old_date:
        data["completed_on"] = [old_date, record.completed_on]
    log_action(
        "certs.record.verified", user=user, obj=record, region=record.person.home_region_id,
        summary=f"{record.requirement_title} of {record.person.display_name} verified"
        + (f" (date corrected to {record.completed_on})" if "completed_on" in data else ""),
        data=data,
    )
    transaction.on_commit(lambda: _notify(record))
    return record


@transaction.atomic
def reject(record: CertificationRecord, *, user: Any, reason: str) -> CertificationRecord:
    """Refuse a pending upload with a reason the volunteer will read."""
    reason = reason.strip()
    if not reason:
        raise DecisionError(_("Give the volunteer a reason."))
    record = _pending(record)
    record.status = CertificationRecord.Status.REJECTED
    record.rejection_reason = reason
    record.verified_by = user
    record.verified_at = timezone.now()
    record.save(update_fields=["status", "rejection_reason", "verified_by", "verified_at"])
    bump_readiness_for_people([record.person_id])
    log_action(
        "certs.record.rejected", user=user, obj=record, region=record.person.home_region_id,
        summary=f"{record.requirement_title} of {record.person.display_name} rejected",
        data={"person": record.person_id, "requirement": record.requirement, "reason": reason},
    )
    transaction.on_commit(lambda: _notify(record))
    return record


@transaction.atomic
def email_people(region, people: list[Person], subject: str, body: str, *, user: Any) -> int:  # noqa: ANN001
    """Queue one email per selected volunteer (each sees only their own
    address) and audit the send. Returns how many were queued."""
    reachable = [p for p in people if p.email]
    log_action(
        "certs.email.sent", user=user, region=region,
        summary=f"Email “{subject[:120]}” to {len(reachable)} volunteer(s)",
        data={"subject": subject, "people": [p.pk for p in reachable]},
    )

    def send() -> None:
        for person in reachable:
            # The administrator's words go out as written; the greeting and
            # the footer are in the volunteer's language.
            with translation.override(language_of(person)):
                send_templated([person.email], subject, "certs/email/message",
                               {"person": person, "body": body}, region=region, person=person)

    transaction.on_commit(send)
    return len(reachable)
