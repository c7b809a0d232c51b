"""Exports in the very format the import reads, so a round trip gives back
the same volunteers and records.

Only verified records are exported: they are the ones that count, and the
ones an import creates. The files are written by `coachready.core.exports`
(formula-like text escaped, dates as dates in XLSX, ids as text).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from coachready.certs.models import CertificationRecord
from coachready.core import exports
from coachready.imports.courses import CANONICAL_NAMES
from coachready.imports.rows import IMPORTABLE_ROLES
from coachready.org.models import Person, Region, RoleAssignment
from coachready.org.names import name_order

VOLUNTEER_COLUMNS = ("Admin_ID", "Last_Name", "First_Name", "Preferred_Name", "Email", "Phone", "Birth_Date",
                     "Region", "Roles", "Language")
RECORD_COLUMNS = ("Admin_ID", "Last_Name", "First_Name", "Email", "Birth_Date", "Region", "Course",
                  "Completion_Date", "Valid_Until", "Risk_Status")
EXPORTS = {
    "volunteers": exports.Report(VOLUNTEER_COLUMNS, "volunteers", dates=frozenset({"Birth_Date"}),
                                 ids=frozenset({"Admin_ID", "Phone", "Region"})),
    "records": exports.Report(RECORD_COLUMNS, "records",
                              dates=frozenset({"Birth_Date", "Completion_Date", "Valid_Until"}),
                              ids=frozenset({"Admin_ID", "Region"})),
}
_CHUNK = 2000


def _role_label(role: str, division: str) -> str:
    words = role.replace("_", " ").title()
    return f"{words} ({division})" if division else words


def volunteer_rows(regions: Iterable[Region], *, today: date) -> Iterator[tuple]:
    """One row per volunteer whose home region is among `regions`: two queries."""
    region_ids = [r.pk for r in regions]
    roles: dict[int, list[str]] = defaultdict(list)
    for person_id, role, division in (
        RoleAssignment.objects.active_on(today)
        .filter(region_id__in=region_ids, person__home_region_id__in=region_ids, role__in=IMPORTABLE_ROLES)
        .order_by("person_id", "role", "division").values_list("person_id", "role", "division")
    ):
        label = _role_label(role, division)
        if label not in roles[person_id]:
            roles[person_id].append(label)
    people = (
        Person.objects.filter(home_region_id__in=region_ids)
        .order_by("home_region__number", *name_order(), "pk")
        .values_list("pk", "volunteer_id", "last_name", "first_name", "preferred_name", "email", "phone",
                     "birth_date", "home_region__number", "language")
    )
    for pk, vid, last, first, preferred, email, phone, born, number, language in people.iterator(chunk_size=_CHUNK):
        yield (vid or "", last, first, preferred, email, phone, born, str(number), "; ".join(roles[pk]), language)


def record_rows(regions: Iterable[Region]) -> Iterator[tuple]:
    """One row per verified record of the regions' volunteers: one query."""
    records = (
        CertificationRecord.objects.filter(
            person__home_region_id__in=[r.pk for r in regions], status=CertificationRecord.Status.VERIFIED
        )
        .order_by("person__home_region__number", *name_order("person__"), "person_id",
                  "requirement", "completed_on", "pk")
        .values_list("person__volunteer_id", "person__last_name", "person__first_name", "person__email",
                     "person__birth_date", "person__home_region__number", "requirement", "completed_on",
                     "valid_until", "risk_status")
    )
    for vid, last, first, email, born, number, code, done, until, risk in records.iterator(chunk_size=_CHUNK):
        yield (vid or "", last, first, email, born, str(number), CANONICAL_NAMES.get(code, code), done, until, risk)


def sample_xlsx(data: bytes, title: str) -> bytes:
    """A sample CSV as a workbook with the same cells: its first row is the header."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    header = next(rows, [])
    return exports.xlsx_bytes(exports.Report(tuple(header), title), rows)
