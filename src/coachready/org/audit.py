"""Writing the audit log. Every write in every app calls `log_action` inside
the same transaction as the change, so a change and its entry land together
or not at all."""

from __future__ import annotations

from typing import Any

from django.db import models

from coachready.org.models import AuditEntry, Region


def log_action(
    action: str,
    *,
    user: Any = None,
    obj: models.Model | None = None,
    region: Region | int | None = None,
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record one change. `action` is a namespaced code ("certs.record.verified")."""
    actor = user if getattr(user, "is_authenticated", False) else None
    region_id = region.pk if isinstance(region, Region) else region
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        region_id=region_id,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        summary=summary[:300],
        data=data or {},
    )


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields that differ, as {field: [old, new]}, for an entry's data."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
