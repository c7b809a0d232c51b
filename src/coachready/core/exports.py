"""Every CSV, XLSX and JSON list the product hands out, written one way.

A report is its columns, its title, which columns hold dates and which hold
identifiers. The same report written on the web and by a command has the
same columns, and each format gets the same cells:

- CSV: UTF-8 with a byte-order mark and CRLF line ends (Excel opens it with
  the accents right), dates as YYYY-MM-DD.
- XLSX: dates as real dates (a date number format, so a spreadsheet sorts
  and filters them as dates), identifiers as text (a volunteer id such as
  "00123" keeps its zeros).
- Both: text that a spreadsheet would run as a formula gets a leading
  apostrophe (CSV injection); empty values are empty cells; yes/no for
  booleans; lists joined by spaces.

Rows are mappings (by column name) or sequences (in column order), and are
written as they come: a national report never holds all its rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

# A cell starting with one of these is a formula to a spreadsheet; a
# volunteer's name like "=HYPERLINK(...)" must stay text (OWASP's advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"


@dataclass(frozen=True)
class Report:
    """What a list holds: its columns in order, the sheet title, the columns
    holding dates and those holding identifiers (always text)."""

    columns: tuple[str, ...]
    title: str = "Report"
    dates: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()


def escape_formula(text: str) -> str:
    """`text`, with a leading apostrophe when a spreadsheet would take it for a formula."""
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def _plain(value: Any) -> Any:
    """The cell value both formats share (dates still dates)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    if isinstance(value, str):
        return escape_formula(value)
    return value


def _csv_cell(value: Any) -> Any:
    kind = type(value)
    # The common cells first: a national report writes over a million.
    if kind is str:
        return "'" + value if value and value[0] in FORMULA_STARTS else value
    if kind is int:
        return value
    value = _plain(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _values(report: Report, row: Mapping[str, Any] | Sequence[Any]) -> Iterable[Any]:
    if isinstance(row, Mapping):
        return (row.get(c) for c in report.columns)
    return row


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(report: Report, rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> Iterator[str]:
    """The CSV text a line at a time (byte-order mark first, CRLF ends), for
    a streaming response or a file."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield BOM + writer.writerow(report.columns)
    for row in rows:
        yield writer.writerow([_csv_cell(v) for v in _values(report, row)])


def write_csv(stream: IO[str], report: Report, rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> int:
    """Write the report as CSV to a text stream; returns the number of rows."""
    lines = csv_lines(report, rows)
    stream.write(next(lines))
    count = 0
    for line in lines:
        stream.write(line)
        count += 1
    return count


def csv_bytes(report: Report, rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> bytes:
    return "".join(csv_lines(report, rows)).encode("utf-8")


def write_xlsx(target: IO[bytes], report: Report, rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> int:
    """The report as one XLSX sheet written to `target` (openpyxl's
    write-only mode keeps rows on disk, not in memory). Returns the number
    of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(report.title[:31])
    sheet.append(list(report.columns))
    kinds = [
        "date" if c in report.dates else "id" if c in report.ids else "" for c in report.columns
    ]

    def cell(kind: str, value: Any) -> Any:
        value = _plain(value)
        if value == "":
            return None
        if kind == "date" and isinstance(value, date):
            found = WriteOnlyCell(sheet, value=value)
            found.number_format = DATE_FORMAT
            return found
        if kind == "id":
            found = WriteOnlyCell(sheet, value=str(value))
            found.number_format = TEXT_FORMAT
            return found
        return value

    count = 0
    for row in rows:
        # A sequence may run past the header (a sample's title rows do).
        sheet.append([cell(kinds[i] if i < len(kinds) else "", v) for i, v in enumerate(_values(report, row))])
        count += 1
    book.save(target)
    return count


def xlsx_bytes(report: Report, rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> bytes:
    out = io.BytesIO()
    write_xlsx(out, report, rows)
    return out.getvalue()


def write_json(stream: IO[str], rows: Iterable[Mapping[str, Any]], **meta: Any) -> int:
    """`{...meta, "rows": [...]}` written row by row (dates as YYYY-MM-DD).
    Returns the number of rows."""
    head = json.dumps({**meta, "rows": []}, indent=1, default=str)
    stream.write(head[: head.rindex("[") + 1])
    count = 0
    for row in rows:
        stream.write(("\n  " if count == 0 else ",\n  ") + json.dumps(row, default=_json_value))
        count += 1
    stream.write("\n ]\n}\n" if count else "]\n}\n")
    return count


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def download(report: Report, rows: Iterable[Mapping[str, Any] | Sequence[Any]], fmt: str, filename: str):
    """An HTTP attachment of the report as `fmt` ("csv" streamed, or "xlsx")
    named `filename` plus its extension."""
    from django.http import HttpResponse, StreamingHttpResponse

    if fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(report, rows), content_type=XLSX_TYPE)
    else:
        fmt = "csv"
        response = StreamingHttpResponse(csv_lines(report, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
