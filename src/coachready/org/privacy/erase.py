"""Erasing a person: one transaction, files removed once it commits."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import ProtectedError

from coachready.org.audit import log_action
from coachready.org.models import AuditEntry
from coachready.org.privacy import holdings
from coachready.org.privacy.subject import Subject

# Rows that protect the volunteer record from deletion, children first.
_DELETE_FIRST = (
    "attendance", "training_reminders", "enrolments", "team_assignments",
    "crosscert_decisions", "crosscert_applications", "schoolyard_marks", "schoolyard_plans", "interest_notes",
)


def erase_subject(subject: Subject, *, user: Any = None) -> dict[str, int]:
    """Remove everything held about the subject; returns counts by kind.

    Their volunteer record and everything on it, their account, messages
    they sent and mail sent to them are deleted. Audit entries about them
    stay (the log is append-only) but lose their summary and data; mail to
    others and import summaries that name them have the names replaced. One
    new audit entry records that an erasure happened, with counts only.
    Evidence files are deleted after the transaction commits, so a rollback
    never leaves records pointing at missing files."""
    with transaction.atomic():
        counts = _erase(subject)
        region = subject.person.home_region_id if subject.person is not None else None
        log_action("org.privacy.erased", user=user, region=region, data={"counts": counts})
    return counts


def _erase(subject: Subject) -> dict[str, int]:
    from django.contrib.admin.models import LogEntry

    from coachready.imports.models import ImportBatch
    from coachready.notify.models import OutboundEmail

    p, u = subject.person, subject.user
    person_rows = holdings.person_rows(subject)
    account_rows = holdings.account_rows(subject)
    message_rows = holdings.message_rows(subject)
    counts: dict[str, int] = {}
    if p is not None:
        from coachready.passes.services import revoke_person

        # A Coach Pass carries the name and verifies offline: revoke it
        # before the record goes (the revocation names only the pass id).
        revoke_person(p, note="")

    audit = holdings.audit_about(subject, person_rows | message_rows, with_actions=False)
    stripped = AuditEntry.objects.filter(pk__in=list(audit.values_list("pk", flat=True)))
    counts["audit_entries_stripped"] = stripped.update(summary="", data={})

    to_others = holdings.mentions(
        subject, OutboundEmail.objects.exclude(pk__in=message_rows["emails_to_them"].values("pk")),
        "subject", "text", "html", "to", "reply_to",
    )
    counts["emails_to_others_redacted"] = 0
    for email in to_others:
        for name in ("subject", "text", "html", "to", "reply_to"):
            setattr(email, name, subject.redact(getattr(email, name)))
        email.save(update_fields=["subject", "text", "html", "to", "reply_to"])
        counts["emails_to_others_redacted"] += 1
    for batch in holdings.mentions(subject, ImportBatch.objects.all(), "summary"):
        batch.summary = subject.redact(batch.summary)
        batch.save(update_fields=["summary"])
    counts["admin_log_entries"] = LogEntry.objects.filter(
        holdings.text_q(subject, "object_repr", "change_message")
    ).delete()[0]

    for name, qs in message_rows.items():
        counts[name] = qs.delete()[0]

    files: list[tuple[Any, str]] = []
    if p is not None:
        from coachready.certs.services.versions import bump_readiness_for_people

        # The readiness pages list this person: renew their regions' stamps
        # before the rows that lead there are gone.
        bump_readiness_for_people([p.pk])
        for record in person_rows["certification_records"].exclude(evidence=""):
            files.append((record.evidence.storage, record.evidence.name))
        for application in person_rows["crosscert_applications"].exclude(scan=""):
            files.append((application.scan.storage, application.scan.name))
        for name in _DELETE_FIRST:
            counts[name] = person_rows[name].delete()[0]
        counts["certification_records"] = person_rows["certification_records"].count()
        counts["roles"] = person_rows["roles"].count()
        p.delete()
        counts["volunteer_record"] = 1
    if u is not None:
        for name in ("email_addresses", "second_factors"):
            counts[name] = account_rows[name].delete()[0]
        counts["account"] = 1
        _delete_or_anonymise(u)

    def remove_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)
    counts["files"] = len(files)
    return counts


def _delete_or_anonymise(user: Any) -> None:
    """Delete the account; when records others rely on point at it (a
    cross-certification decision it made), keep an empty, unusable shell
    instead, so those records stay whole without naming the person."""
    try:
        with transaction.atomic():
            user.delete()
    except ProtectedError:
        user.username = f"erased-{user.pk}"
        user.email = f"erased-{user.pk}@erased.invalid"
        user.first_name = user.last_name = ""
        user.is_active = user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.save()
