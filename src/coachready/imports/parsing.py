"""Reading an uploaded file into a header and rows: bytes in, cells out.

The format is decided by the content, not the name: an XLSX file is a zip
archive; anything else must be UTF-8 text (CSV, with or without a byte-order
mark, separated by commas, semicolons or tabs). Every way a file can be
unreadable ends in one ParseError whose message says what to do about it.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext

from coachready.imports.columns import HEADER_SCAN_ROWS, Header, HeaderError, find_header
from coachready.imports.values import cell_text
from coachready.imports.xlsx import MAX_CELL_CHARS, WorkbookError, sheet_rows

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
# Rows from the top of the file, empty ones included: a file padded with
# millions of empty rows is refused as soon as it passes this, not read whole.
MAX_SHEET_ROWS = MAX_ROWS + HEADER_SCAN_ROWS


class ParseError(ValueError):
    """The file as a whole cannot be read."""


@dataclass(frozen=True)
class Table:
    header: Header
    # (1-based row number in the file, cells) for every non-empty row below the header.
    rows: list[tuple[int, tuple[object, ...]]]
    format: str  # "csv" or "xlsx"


def read_table(data: bytes, filename: str = "") -> Table:
    """Parse `data` into a Table; ParseError with a clear message otherwise."""
    if not data:
        raise ParseError(gettext("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(gettext("The file is %(size)s MB; the limit is 25 MB. Split it in parts.")
                         % {"size": f"{len(data) / 1024 / 1024:.1f}"})
    if data.startswith(b"PK\x03\x04"):
        rows, fmt = _xlsx_rows(data), "xlsx"
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ParseError(gettext("This is an old Excel .xls file. Save it as .xlsx or as CSV UTF-8 and upload that."))
    else:
        if filename.lower().endswith((".xlsx", ".xlsm")):
            raise ParseError(gettext("The file is named .xlsx but is not an Excel workbook. Save it again from Excel."))
        rows, fmt = _csv_rows(data), "csv"
    return _split(rows, fmt)


def _split(rows: Iterator[tuple[int, tuple[object, ...]]], fmt: str) -> Table:
    top: list[tuple[int, tuple[object, ...]]] = []
    for number, cells in rows:
        top.append((number, cells))
        if len(top) >= HEADER_SCAN_ROWS:
            break
    try:
        header = find_header([(n, tuple(cell_text(c) for c in cells)) for n, cells in top])
    except HeaderError as exc:
        raise ParseError(str(exc)) from None
    # Only the columns the import reads are kept: a file padded with wide
    # columns of other data costs no memory for them.
    used = frozenset(header.columns.values())
    width = max(used) + 1

    def kept(cells: tuple[object, ...]) -> tuple[object, ...]:
        return tuple(cells[i] if i in used else None for i in range(min(width, len(cells))))

    body = [(n, kept(cells)) for n, cells in top if n > header.row]
    for number, cells in rows:
        if len(body) >= MAX_ROWS:
            raise ParseError(gettext("The file has more than %(limit)s rows. Split it in parts.")
                             % {"limit": f"{MAX_ROWS:,}"})
        body.append((number, kept(cells)))
    return Table(header=header, rows=body, format=fmt)


def _nonempty(cells: Sequence[object]) -> bool:
    return any(c is not None and str(c).strip() for c in cells)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:65536]:
        raise ParseError(gettext("This is not a CSV or XLSX file (it holds binary data)."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(gettext(
            "The file is not UTF-8 text (byte %(byte)s cannot be read). "
            "In Excel choose Save As → “CSV UTF-8”, or upload the .xlsx file."
        ) % {"byte": exc.start + 1}) from None


def _csv_delimiter(text: str) -> str:
    """The separator that makes the top rows read as a header row: a title
    row may hold commas of its own, so counting characters is not enough."""
    head = [line.rstrip("\r\n") for line in itertools.islice(io.StringIO(text, newline=""), HEADER_SCAN_ROWS)]
    for delimiter in (",", ";", "\t"):
        try:
            rows = list(csv.reader(head, delimiter=delimiter))
            find_header([(i + 1, tuple(r)) for i, r in enumerate(rows)])
        except (csv.Error, HeaderError):
            continue
        return delimiter
    return ","


def _csv_rows(data: bytes) -> Iterator[tuple[int, tuple[object, ...]]]:
    text = _decode(data)
    delimiter = _csv_delimiter(text)
    return _csv_iter(text, delimiter)


def _csv_iter(text: str, delimiter: str) -> Iterator[tuple[int, tuple[object, ...]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        for number, row in enumerate(reader, start=1):
            if number > MAX_SHEET_ROWS:
                raise ParseError(gettext(
                    "The file has more than %(limit)s rows (empty rows count), the limit. "
                    "Delete the empty rows below the data, or split the file in parts."
                ) % {"limit": f"{MAX_SHEET_ROWS:,}"})
            if len(row) > MAX_COLUMNS:
                raise ParseError(gettext("Row %(row)s has %(columns)s columns; the limit is %(limit)s.")
                                 % {"row": number, "columns": len(row), "limit": MAX_COLUMNS})
            if any(len(cell) > MAX_CELL_CHARS for cell in row):
                raise ParseError(gettext(
                    "Row %(row)s holds a cell longer than %(limit)s characters, the limit "
                    "(an unclosed quote mark can cause this)."
                ) % {"row": number, "limit": f"{MAX_CELL_CHARS:,}"})
            if "".join(row).strip():
                yield number, tuple(row)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise ParseError(gettext(
                "Row %(row)s holds a cell far too long to be a name, date or course "
                "(an unclosed quote mark can cause this)."
            ) % {"row": reader.line_num}) from None
        raise ParseError(gettext("The CSV file cannot be read near row %(row)s: %(error)s.")
                         % {"row": reader.line_num, "error": exc}) from None


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, tuple[object, ...]]]:
    """The first sheet's non-empty rows, read within the workbook limits."""
    try:
        for number, row in sheet_rows(data, max_rows=MAX_SHEET_ROWS, max_columns=MAX_COLUMNS):
            if _nonempty(row):
                yield number, row
    except WorkbookError as exc:
        raise ParseError(str(exc)) from None
