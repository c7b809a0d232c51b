"""The web flow: upload → preview → (decisions on near matches) → commit.

An upload is stored as an ImportBatch and nothing else is written until the
administrator commits. The commit plans the stored file again against the
region as it is at that moment, so a change made between preview and commit
is seen, and writes all valid rows in one transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from coachready.imports.models import ImportBatch
from coachready.imports.planning import NEW, REVIEW, SAME
from coachready.imports.services import ImportResult, actor_of, commit_result, plan_file, read_file
from coachready.org.audit import log_action
from coachready.org.models import Region


class BatchError(Exception):
    """The batch cannot be committed as asked; the message says why."""


@transaction.atomic
def create_batch(data: bytes, filename: str, region: Region, user: Any, *, kind: str | None = None,
                 undated_on: date) -> ImportBatch:
    """Store an uploaded file for preview. ParseError if it cannot be read."""
    _, kind = read_file(data, filename, kind)
    batch = ImportBatch(region=region, kind=kind, filename=filename[:200], uploaded_by=actor_of(user),
                        undated_on=undated_on)
    batch.file.save(filename or "import.csv", ContentFile(data), save=False)
    batch.save()
    result = preview_batch(batch)
    batch.summary = result.summary()
    batch.save(update_fields=["summary"])
    log_action("imports.batch.uploaded", user=user, obj=batch, region=region,
               summary=f"{batch.filename} uploaded for preview ({batch.get_kind_display().lower()})",
               data={"filename": batch.filename, "kind": kind, "counts": result.counts})
    return batch


def _data(batch: ImportBatch) -> bytes:
    with batch.file.open("rb") as fh:
        return fh.read()


def _decisions(batch: ImportBatch) -> dict[int, str]:
    return {int(row): choice for row, choice in (batch.decisions or {}).items()}


def preview_batch(batch: ImportBatch) -> ImportResult:
    """What committing the batch would do now."""
    return plan_file(_data(batch), batch.filename, batch.region, kind=batch.kind,
                     decisions=_decisions(batch), undated_on=batch.undated_on)


@transaction.atomic
def decide(batch: ImportBatch, decisions: dict[int, str], user: Any) -> None:
    """Record the administrator's answers for near matches ("same" or "new";
    anything else leaves the row to be skipped)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise BatchError("This file has already been imported or cancelled.")
    review_rows = {o.row for o in preview_batch(batch).plan.outcomes if o.action == REVIEW} | set(_decisions(batch))
    stored = _decisions(batch)
    for row, choice in decisions.items():
        if row not in review_rows:
            continue
        if choice in (SAME, NEW):
            stored[row] = choice
        else:
            stored.pop(row, None)
    batch.decisions = {str(row): choice for row, choice in sorted(stored.items())}
    batch.save(update_fields=["decisions"])
    log_action("imports.batch.decided", user=user, obj=batch, region=batch.region,
               summary=f"{batch.filename}: decisions on {len(stored)} near matches",
               data={"decisions": batch.decisions})


@transaction.atomic
def commit_batch(batch: ImportBatch, user: Any, *, skip_invalid: bool = False) -> ImportResult:
    """Import the batch: every valid row, in this one transaction, or nothing."""
    batch = ImportBatch.objects.select_for_update().select_related("region").get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise BatchError("This file has already been imported or cancelled.")
    result = preview_batch(batch)
    if result.plan.has_errors and not skip_invalid:
        raise BatchError(f"{result.counts['error']} rows have errors. Fix the file and upload it again, "
                         "or choose to skip the invalid rows.")
    commit_result(batch, result, user)
    return result


@transaction.atomic
def cancel_batch(batch: ImportBatch, user: Any) -> None:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise BatchError("This file has already been imported or cancelled.")
    batch.status = ImportBatch.Status.CANCELLED
    batch.save(update_fields=["status"])
    log_action("imports.batch.cancelled", user=user, obj=batch, region=batch.region,
               summary=f"{batch.filename}: cancelled without importing")
