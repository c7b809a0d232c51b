"""Exports in the very format the import reads, so a round trip gives back
the same volunteers and records.

Only verified records are exported: they are the ones that count, and the
ones an import creates. Formula-like text is written with a leading
apostrophe (see values.escape_formula) in both CSV and XLSX.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from coachready.certs.models import CertificationRecord
from coachready.imports.courses import CANONICAL_NAMES
from coachready.imports.rows import IMPORTABLE_ROLES
from coachready.imports.values import escape_formula
from coachready.org.models import Person, Region, RoleAssignment

VOLUNTEER_COLUMNS = ("Admin_ID", "Last_Name", "First_Name", "Preferred_Name", "Email", "Phone", "Birth_Date",
                     "Region", "Roles")
RECORD_COLUMNS = ("Admin_ID", "Last_Name", "First_Name", "Email", "Birth_Date", "Region", "Course",
                  "Completion_Date", "Valid_Until", "Risk_Status")
EXPORTS = {"volunteers": VOLUNTEER_COLUMNS, "records": RECORD_COLUMNS}
_CHUNK = 2000


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _role_label(role: str, division: str) -> str:
    words = role.replace("_", " ").title()
    return f"{words} ({division})" if division else words


def volunteer_rows(regions: Iterable[Region], *, today: date) -> Iterator[tuple[str, ...]]:
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
        .order_by("home_region__number", "last_name", "first_name", "pk")
        .values_list("pk", "volunteer_id", "last_name", "first_name", "preferred_name", "email", "phone",
                     "birth_date", "home_region__number")
    )
    for pk, vid, last, first, preferred, email, phone, born, number in people.iterator(chunk_size=_CHUNK):
        yield (vid or "", last, first, preferred, email, phone, _day(born), str(number), "; ".join(roles[pk]))


def record_rows(regions: Iterable[Region]) -> Iterator[tuple[str, ...]]:
    """One row per verified record of the regions' volunteers: one query."""
    records = (
        CertificationRecord.objects.filter(
            person__home_region_id__in=[r.pk for r in regions], status=CertificationRecord.Status.VERIFIED
        )
        .order_by("person__home_region__number", "person__last_name", "person__first_name", "person_id",
                  "requirement", "completed_on", "pk")
        .values_list("person__volunteer_id", "person__last_name", "person__first_name", "person__email",
                     "person__birth_date", "person__home_region__number", "requirement", "completed_on",
                     "valid_until", "risk_status")
    )
    for vid, last, first, email, born, number, code, done, until, risk in records.iterator(chunk_size=_CHUNK):
        yield (vid or "", last, first, email, _day(born), str(number), CANONICAL_NAMES.get(code, code),
               _day(done), _day(until), risk)


def _safe(row: tuple[str, ...]) -> list[str]:
    return [escape_formula(cell) for cell in row]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_chunks(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> Iterator[str]:
    """CSV text, a line at a time, for a streaming response. It starts with a
    byte-order mark so Excel opens the accents right."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(columns)
    for row in rows:
        yield writer.writerow(_safe(row))


def csv_bytes(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> bytes:
    return "".join(csv_chunks(columns, rows)).encode("utf-8")


def xlsx_bytes(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]], title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(list(columns))
    for row in rows:
        sheet.append(_safe(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sample_xlsx(data: bytes, title: str) -> bytes:
    """A sample CSV as a workbook with the same cells, title rows included."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
        sheet.append(_safe(tuple(row)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
