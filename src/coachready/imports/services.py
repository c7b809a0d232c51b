"""Importing a file into a region: read, plan, and (when asked) write it all
in one transaction with one audit entry.

The web page and the `coachready import` command both come through here.
Facts are loaded once per import — one query per table, never one per row —
and the writes are bulk inserts, so a 100,000-row file stays fast.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.certs.services.versions import bump_readiness_version
from coachready.core.bulk import insert_rows
from coachready.imports.columns import HeaderError, check_kind
from coachready.imports.matching import Candidate, PeopleIndex
from coachready.imports.models import ImportBatch
from coachready.imports.parsing import ParseError, Table, read_table
from coachready.imports.planning import ERROR, REVIEW, Facts, Plan, plan_rows
from coachready.imports.rows import IMPORTABLE_ROLES
from coachready.imports.values import CellError, parse_volunteer_id
from coachready.org.audit import log_action
from coachready.org.models import Person, Region, RoleAssignment

ERRORS_KEPT = 200  # errors stored in a batch's summary; the preview shows them all
_IN_CHUNK = 500  # ids per IN (...) query, inside SQLite's parameter limit


@dataclass
class ImportResult:
    """What an import did, or would do: per-row outcomes and the counts."""

    plan: Plan
    table: Table
    committed: bool = False
    # True when invalid rows stopped the import (nothing was written).
    refused: bool = False
    batch: ImportBatch | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.plan.kind

    @property
    def counts(self) -> dict[str, int]:
        return self.plan.counts()

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        """(row, column, reason) for every problem, in file order."""
        return [(o.row, column, reason) for o in self.plan.outcomes if o.action == ERROR
                for column, reason in o.errors]

    @property
    def reviews(self):
        return [o for o in self.plan.outcomes if o.action == REVIEW]

    def summary(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "format": self.table.format,
            "rows": len(self.plan.outcomes),
            "header_row": self.table.header.row,
            "unused_columns": list(self.table.header.unused),
            "counts": self.counts,
            "errors": [list(e) for e in self.errors[:ERRORS_KEPT]],
        }

    def report_lines(self) -> list[str]:
        """The summary as the command prints it (and the preview heads with)."""
        c = self.counts
        lines = [
            f"{self.kind} file, {len(self.plan.outcomes)} rows (header on row {self.table.header.row}): "
            f"{c['create']} created, {c['update']} updated, {c['skip']} skipped, {c['error']} errors, "
            f"{c['review']} need a decision"
        ]
        if self.table.header.unused:
            lines.append(f"Columns not read: {', '.join(self.table.header.unused)}")
        for row, column, reason in self.errors:
            lines.append(f"  row {row}{f', column {column}' if column else ''}: {reason}")
        for outcome in self.reviews:
            lines.append(f"  row {outcome.row}: needs a decision (skipped): {outcome.message}")
        lines.extend(self.notes)
        return lines


def read_file(data: bytes, filename: str, kind: str | None = None) -> tuple[Table, str]:
    """The file's table and its kind; ParseError if either cannot be had."""
    table = read_table(data, filename)
    try:
        return table, check_kind(table.header, kind)
    except HeaderError as exc:
        raise ParseError(str(exc)) from None


def load_facts(region: Region, table: Table, kind: str, *, today: date, undated_on: date) -> Facts:
    """The region's people, verified records and volunteer roles, one query each."""
    people = [
        Candidate(pk, first, last, email or "", vid or "", born, preferred, {"phone": phone, "language": language})
        for pk, first, last, preferred, email, vid, born, phone, language in Person.objects.filter(home_region=region)
        .values_list("pk", "first_name", "last_name", "preferred_name", "email", "volunteer_id", "birth_date", "phone",
                     "language")
    ]
    index = PeopleIndex(people, _foreign_ids(region, table))
    records: dict = {}
    roles: set = set()
    if kind == ImportBatch.Kind.RECORDS:
        rows = CertificationRecord.objects.filter(
            person__home_region=region, status=CertificationRecord.Status.VERIFIED
        ).values_list("person_id", "requirement", "completed_on", "pk", "valid_until", "risk_status")
        records = {(p, code, done): (pk, until, risk) for p, code, done, pk, until, risk in rows}
    else:
        roles = set(
            RoleAssignment.objects.active_on(today)
            .filter(region=region, person__home_region=region, role__in=IMPORTABLE_ROLES)
            .values_list("person_id", "role", "division")
        )
    policy = region.policy()
    return Facts(
        region_number=region.number, index=index, records=records, roles=roles,
        validity={code: spec.validity_months for code, spec in policy.requirements.items()},
        titles={code: spec.title for code, spec in policy.requirements.items()},
        today=today, undated_on=undated_on,
    )


def _foreign_ids(region: Region, table: Table) -> dict[str, int]:
    """Volunteer ids in the file that belong to people of other regions."""
    column = table.header.columns.get("volunteer_id")
    if column is None:
        return {}
    ids = set()
    for raw in {cells[column] for _, cells in table.rows if column < len(cells)}:
        try:
            vid = parse_volunteer_id(raw)
        except CellError:
            continue
        if vid:
            ids.add(vid)
    found: dict[str, int] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _IN_CHUNK):
        found.update(
            Person.objects.filter(volunteer_id__in=ordered[start:start + _IN_CHUNK])
            .exclude(home_region=region)
            .values_list("volunteer_id", "home_region__number")
        )
    return found


@contextmanager
def _bulk_work() -> Iterator[None]:
    """Pause the cyclic garbage collector while a big file is planned and
    written: the hundreds of thousands of short-lived objects hold no cycles,
    and the collector's repeated sweeps over them cost a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def plan_file(data: bytes, filename: str, region: Region, *, kind: str | None = None,
              decisions: dict[int, str] | None = None, undated_on: date | None = None) -> ImportResult:
    """What importing `data` into `region` would do; writes nothing."""
    table, kind = read_file(data, filename, kind)
    return plan_table(table, kind, region, decisions=decisions, undated_on=undated_on)


def plan_table(table: Table, kind: str, region: Region, *, decisions: dict[int, str] | None = None,
               undated_on: date | None = None) -> ImportResult:
    """What importing an already read table into `region` would do now; writes nothing."""
    with _bulk_work():
        today = timezone.localdate()
        facts = load_facts(region, table, kind, today=today, undated_on=undated_on or today)
        return ImportResult(plan_rows(kind, table.header, table.rows, facts, decisions), table)


def import_file(data: bytes, filename: str, region: Region, user: Any, kind: str | None = None,
                dry_run: bool = False, skip_invalid: bool = False,
                undated_on: date | None = None) -> ImportResult:
    """Import a whole file: all valid rows in one transaction, or nothing.

    With invalid rows the import is refused (`result.refused`, nothing
    written) unless `skip_invalid`; near matches are never merged here (they need a person's
    decision on the preview page) and are skipped. ParseError when the file
    cannot be read at all.
    """
    with transaction.atomic():
        result = plan_file(data, filename, region, kind=kind, undated_on=undated_on)
        if dry_run:
            return result
        if result.plan.has_errors and not skip_invalid:
            result.refused = True
            return result
        batch = ImportBatch(region=region, kind=result.kind, filename=filename[:200], uploaded_by=actor_of(user),
                            undated_on=undated_on or timezone.localdate())
        batch.file.save(filename or "import.csv", ContentFile(data), save=False)
        batch.save()
        commit_result(batch, result, user)
    return result


def actor_of(user: Any):
    return user if getattr(user, "is_authenticated", False) else None


def commit_result(batch: ImportBatch, result: ImportResult, user: Any) -> None:
    """Write the plan's valid rows and mark the batch imported, with its audit entry."""
    with _bulk_work():
        apply_plan(result.plan, batch.region, user, batch.source_ref, today=timezone.localdate())
    _reconsider_passes(result.plan, batch, user)
    # Imported people and records change what the region's readiness pages
    # show (and people of other regions can be matched by id or email).
    bump_readiness_version([batch.region_id])
    batch.status = ImportBatch.Status.COMMITTED
    batch.committed_at = timezone.now()
    batch.committed_by = actor_of(user)
    batch.summary = result.summary()
    batch.save()
    counts = result.counts
    log_action(
        "imports.batch.committed", user=user, obj=batch, region=batch.region,
        summary=f"{batch.filename}: {counts['create']} created, {counts['update']} updated, "
                f"{counts['skip']} skipped, {counts['error']} invalid rows skipped",
        data={"kind": batch.kind, "filename": batch.filename, "counts": counts},
    )
    result.committed, result.batch = True, batch


def _reconsider_passes(plan: Plan, batch: ImportBatch, user: Any) -> None:
    """A background check imported (or updated) with a risk status that
    forbids coaching revokes the person's Coach Pass in this transaction."""
    from coachready.passes.services import reconsider_people

    risk = batch.region.policy().risk_requirement
    touched = CertificationRecord.objects.filter(requirement=risk).filter(
        Q(source_ref=batch.source_ref, source=CertificationRecord.Source.IMPORT)
        | Q(pk__in=[pk for pk, changes in plan.record_updates if "risk_status" in changes])
    )
    reconsider_people(touched.values("person_id"), "background_check", user=user)


def apply_plan(plan: Plan, region: Region, user: Any, source_ref: str, *, today: date) -> None:
    """Carry out a plan with bulk writes. Call inside a transaction."""
    now, actor = timezone.now(), actor_of(user)
    people = {}
    if plan.new_people:
        temps = list(plan.new_people)
        created = Person.objects.bulk_create(
            [Person(home_region=region, **plan.new_people[t]) for t in temps], batch_size=1000
        )
        people = {t: p.pk for t, p in zip(temps, created, strict=True)}
    if plan.person_updates:
        changed = Person.objects.in_bulk(list(plan.person_updates))
        fields = set()
        for pk, changes in plan.person_updates.items():
            for name, value in changes.items():
                setattr(changed[pk], name, value)
                fields.add(name)
            changed[pk].updated_at = now
        Person.objects.bulk_update(list(changed.values()), sorted(fields | {"updated_at"}), batch_size=500)
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(person_id=people.get(ref, ref), role=role, division=division, region=region, start_on=today)
         for ref, role, division in plan.role_adds], batch_size=1000
    )
    insert_rows(
        CertificationRecord,
        ("person_id", "requirement", "completed_on", "valid_until", "risk_status"),
        [(people.get(r["person"], r["person"]), r["requirement"], r["completed_on"], r["valid_until"],
          r["risk_status"]) for r in plan.record_creates],
        constant={"source": CertificationRecord.Source.IMPORT, "source_ref": source_ref,
                  "status": CertificationRecord.Status.VERIFIED, "verified_by_id": getattr(actor, "pk", None),
                  "verified_at": now, "created_by_id": getattr(actor, "pk", None)},
    )
    if plan.record_updates:
        records = CertificationRecord.objects.in_bulk([pk for pk, _ in plan.record_updates])
        for pk, changes in plan.record_updates:
            for name, value in changes.items():
                setattr(records[pk], name, value)
        CertificationRecord.objects.bulk_update(list(records.values()), ["valid_until", "risk_status"],
                                                batch_size=500)
