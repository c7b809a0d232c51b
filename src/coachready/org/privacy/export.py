"""One JSON document of everything held about a person."""

from __future__ import annotations

from typing import Any

from django.core import serializers
from django.db.models import QuerySet
from django.utils import timezone

from coachready.org.privacy import holdings
from coachready.org.privacy.subject import Subject

# Secrets that are the person's but must not travel in a download: the
# second factor's keys and the private calendar link's token.
_WITHHELD = {"second_factors": {"data"}, "training_feed": {"token"}}


def _rows(name: str, qs: QuerySet) -> list[dict[str, Any]]:
    withheld = _WITHHELD.get(name, set())
    out = []
    for item in serializers.serialize("python", qs.order_by("pk")):
        fields = {k: v for k, v in item["fields"].items() if k not in withheld}
        out.append({"id": item["pk"], **fields})
    return out


def _evidence(stored) -> dict[str, Any] | None:  # noqa: ANN001 - FieldFile
    """What is known about a stored file without reading it out."""
    if not stored:
        return None
    from coachready.core.uploads import content_type_of

    try:
        size, content_type = stored.size, content_type_of(stored)
    except OSError:
        size, content_type = None, None
    return {"stored_as": stored.name, "size": size, "content_type": content_type}


def export_subject(subject: Subject) -> dict[str, Any]:
    """Everything held about the subject, as one JSON-ready document."""
    from coachready.certs.models import CertificationRecord
    from coachready.crosscert.models import Application

    person_rows = holdings.person_rows(subject)
    account_rows = holdings.account_rows(subject)
    message_rows = holdings.message_rows(subject)
    p, u = subject.person, subject.user
    doc: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "person": _rows("person", type(p).objects.filter(pk=p.pk))[0] if p is not None else None,
        "account": None,
        "email_addresses": sorted(subject.emails),
    }
    if u is not None:
        doc["account"] = {
            "email": u.email, "first_name": u.first_name, "last_name": u.last_name,
            "date_joined": u.date_joined.isoformat(),
            "last_login": u.last_login.isoformat() if u.last_login else None,
            "is_active": u.is_active,
            "second_factor": bool(account_rows["second_factors"].exists()),
        }
    for name, qs in (person_rows | account_rows | message_rows).items():
        doc[name] = _rows(name, qs)
    if p is not None:
        files = {r.pk: r.evidence for r in CertificationRecord.objects.filter(person=p)}
        for row in doc["certification_records"]:
            row["evidence"] = _evidence(files[row["id"]])
        scans = {a.pk: a.scan for a in Application.objects.filter(applicant=p)}
        for row in doc["crosscert_applications"]:
            row["scan"] = _evidence(scans[row["id"]])
    audit = holdings.audit_about(subject, person_rows | account_rows | message_rows)
    doc["audit_entries"] = [
        {"id": e.pk, "at": e.at.isoformat(), "action": e.action, "object_type": e.object_type,
         "object_id": e.object_id, "summary": e.summary, "data": e.data,
         "by_them": u is not None and e.actor_id == u.pk}
        for e in audit.order_by("at", "pk")
    ]
    return doc
