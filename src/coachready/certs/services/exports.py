"""Lists as CSV, XLSX and JSON: the dashboard's exports and the
`readiness-report` command share these writers, so a row looks the same
wherever it is downloaded."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import IO, Any

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


def write_csv(stream: IO[str], columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> int:
    """Write the header and each row to `stream` as it comes (a national
    report never holds all its rows as text). Returns the number of rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
        count += 1
    return count


def write_json(stream: IO[str], rows: Iterable[dict[str, Any]], **meta: Any) -> int:
    """`{...meta, "rows": [...]}` written row by row; the same document as
    `to_json`, only streamed. Returns the number of rows."""
    head = json.dumps({**meta, "rows": []}, indent=1, default=str)
    stream.write(head[: head.rindex("[") + 1])
    count = 0
    for row in rows:
        stream.write(("\n  " if count == 0 else ",\n  ") + json.dumps(row, default=str))
        count += 1
    stream.write("\n ]\n}\n" if count else "]\n}\n")
    return count


def write_xlsx(target: IO[bytes], columns: Sequence[str], rows: Iterable[dict[str, Any]], *,
               title: str = "Readiness") -> int:
    """The rows as one XLSX sheet written to `target` (openpyxl's write-only
    mode keeps rows on disk, not in memory). Returns the number of rows."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(list(columns))
    count = 0
    for row in rows:
        sheet.append([cell(row.get(c)) for c in columns])
        count += 1
    book.save(target)
    return count


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
