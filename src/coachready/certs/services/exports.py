"""Lists as CSV, XLSX and JSON: the dashboard's exports and the
`readiness-report` command share these writers, so a row looks the same
wherever it is downloaded."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

# A cell starting with one of these is a formula to a spreadsheet; a
# volunteer's name like "=HYPERLINK(...)" must stay text (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return out.getvalue()


def to_xlsx(columns: Sequence[str], rows: Iterable[dict[str, Any]], *, title: str = "Readiness") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(list(columns))
    for row in rows:
        sheet.append([cell(row.get(c)) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_json(rows: Iterable[dict[str, Any]], **meta: Any) -> str:
    """`{...meta, "rows": [...]}` as JSON (dates as ISO strings)."""
    return json.dumps({**meta, "rows": list(rows)}, indent=1, default=str)
