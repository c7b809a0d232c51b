"""The web flow: upload → preview → (decisions on near matches) → commit.

An upload is read once: the file is stored as an ImportBatch and its rows,
with what each would do, as ImportRows; nothing else is written until the
administrator commits. The preview pages through the stored rows. A
decision or the commit plans the stored rows again against the region as it
is at that moment, so a change made between preview and commit is seen, and
the commit writes all valid rows in one transaction.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext, ngettext

from coachready.imports.columns import Header
from coachready.imports.models import ImportBatch, ImportRow
from coachready.imports.parsing import Table
from coachready.imports.planning import NEW, REVIEW, SAME, Outcome
from coachready.imports.services import ImportResult, actor_of, commit_result, plan_table, read_file
from coachready.imports.values import cell_text
from coachready.org.audit import log_action
from coachready.org.models import Region

_INSERT_BATCH = 2000


class BatchError(Exception):
    """The batch cannot be committed as asked; the message says why."""


@transaction.atomic
def create_batch(data: bytes, filename: str, region: Region, user: Any, *, kind: str | None = None,
                 undated_on: date, table: Table | None = None) -> ImportBatch:
    """Store an uploaded file, and its rows, for preview. ParseError if it
    cannot be read. `table` is the file already read (with `kind` found)."""
    if table is None or not kind:
        table, kind = read_file(data, filename, kind)
    header = table.header
    batch = ImportBatch(region=region, kind=kind, filename=filename[:200], uploaded_by=actor_of(user),
                        undated_on=undated_on, header={"row": header.row, "texts": list(header.texts),
                                                       "columns": header.columns, "unused": list(header.unused)})
    batch.file.save(filename or "import.csv", ContentFile(data), save=False)
    batch.save()
    result = plan_table(table, kind, region, undated_on=undated_on)
    rows = zip(table.rows, result.plan.outcomes, strict=True)
    # In slices: bulk_create makes a list of all it is given, and 200,000
    # model instances at once would cost hundreds of megabytes.
    while chunk := list(itertools.islice(rows, _INSERT_BATCH)):
        ImportRow.objects.bulk_create(
            [ImportRow(batch=batch, number=number, cells=[_stored_cell(c) for c in cells], **_outcome_fields(outcome))
             for (number, cells), outcome in chunk]
        )
    batch.summary = result.summary()
    batch.save(update_fields=["summary"])
    log_action("imports.batch.uploaded", user=user, obj=batch, region=region,
               summary=f"{batch.filename} uploaded for preview ({batch.get_kind_display().lower()})",
               data={"filename": batch.filename, "kind": kind, "counts": result.counts})
    return batch


def _stored_cell(value: object) -> object:
    """A cell as JSON, read back the same by the row readers: text and
    numbers stay as they are, dates and times become their ISO text. The
    table holds only the columns the import reads, so only those are kept."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (date, datetime)):
        return cell_text(value)
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def _outcome_fields(outcome: Outcome) -> dict[str, Any]:
    return {"action": outcome.action, "subject": outcome.subject, "what": outcome.what, "message": outcome.message,
            "errors": [list(error) for error in outcome.errors],
            "candidate": outcome.candidate.display_name if outcome.candidate is not None else ""}


def stored_table(batch: ImportBatch) -> Table:
    """The batch's table as read at upload, from its stored rows."""
    h = batch.header
    header = Header(row=h["row"], texts=tuple(h["texts"]), columns=dict(h["columns"]), unused=tuple(h["unused"]))
    rows = [(number, tuple(cells)) for number, cells in
            ImportRow.objects.filter(batch=batch).order_by("number").values_list("number", "cells").iterator(
                chunk_size=5000)]
    return Table(header=header, rows=rows, format=batch.summary.get("format", ""))


def _decisions(batch: ImportBatch) -> dict[int, str]:
    return {int(row): choice for row, choice in (batch.decisions or {}).items()}


def preview_batch(batch: ImportBatch) -> ImportResult:
    """What committing the batch would do now."""
    return plan_table(stored_table(batch), batch.kind, batch.region, decisions=_decisions(batch),
                      undated_on=batch.undated_on)


def _restore_outcomes(batch: ImportBatch, outcomes: Iterable[Outcome]) -> None:
    """Bring the stored rows' outcomes up to date with a new plan (only the
    rows whose outcome changed are written)."""
    fields = ["action", "subject", "what", "message", "errors", "candidate"]
    # Plain tuples, not model instances: a big batch has 200,000 rows.
    stored = {number: (pk, values) for number, pk, *values in
              ImportRow.objects.filter(batch=batch).values_list("number", "pk", *fields).iterator(chunk_size=5000)}
    changed = []
    for outcome in outcomes:
        pk, values = stored[outcome.row]
        wanted = _outcome_fields(outcome)
        if values != [wanted[name] for name in fields]:
            changed.append(ImportRow(pk=pk, **wanted))
    ImportRow.objects.bulk_update(changed, fields, batch_size=_INSERT_BATCH)


@transaction.atomic
def decide(batch: ImportBatch, decisions: dict[int, str], user: Any) -> None:
    """Record the administrator's answers for near matches ("same" or "new";
    anything else leaves the row to be skipped)."""
    batch = ImportBatch.objects.select_for_update().select_related("region").get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise BatchError(gettext("This file has already been imported or cancelled."))
    waiting = set(ImportRow.objects.filter(batch=batch, action=REVIEW).values_list("number", flat=True))
    review_rows = waiting | set(_decisions(batch))
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
    result = preview_batch(batch)
    _restore_outcomes(batch, result.plan.outcomes)
    batch.summary = result.summary()
    batch.save(update_fields=["summary"])
    log_action("imports.batch.decided", user=user, obj=batch, region=batch.region,
               summary=f"{batch.filename}: decisions on {len(stored)} near matches",
               data={"decisions": batch.decisions})


@transaction.atomic
def commit_batch(batch: ImportBatch, user: Any, *, skip_invalid: bool = False) -> ImportResult:
    """Import the batch: every valid row, in this one transaction, or nothing."""
    batch = ImportBatch.objects.select_for_update().select_related("region").get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise BatchError(gettext("This file has already been imported or cancelled."))
    result = preview_batch(batch)
    if result.plan.has_errors and not skip_invalid:
        raise BatchError(ngettext(
            "%(count)d row has errors. Fix the file and upload it again, or choose to skip the invalid rows.",
            "%(count)d rows have errors. Fix the file and upload it again, or choose to skip the invalid rows.",
            result.counts["error"],
        ) % {"count": result.counts["error"]})
    commit_result(batch, result, user)
    # The preview is over; the summary keeps the counts and the first errors.
    ImportRow.objects.filter(batch=batch).delete()
    return result


@transaction.atomic
def cancel_batch(batch: ImportBatch, user: Any) -> None:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PREVIEW:
        raise BatchError(gettext("This file has already been imported or cancelled."))
    batch.status = ImportBatch.Status.CANCELLED
    batch.save(update_fields=["status"])
    ImportRow.objects.filter(batch=batch).delete()
    log_action("imports.batch.cancelled", user=user, obj=batch, region=batch.region,
               summary=f"{batch.filename}: cancelled without importing")
