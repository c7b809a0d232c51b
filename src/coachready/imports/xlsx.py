"""Reading the first sheet of an XLSX workbook within fixed limits.

An .xlsx file is a zip archive of XML parts, and zip compresses repetition
without bound: a 1 MB upload can unpack to a gigabyte-long string, and a few
megabytes can hold millions of empty rows. So the archive's directory is
inspected before anything is unpacked (the sizes it declares, and how hard
each part is compressed), the shared strings are counted before openpyxl
loads them, and the sheet is streamed with every row counted, empty or not.
Each refusal names the limit it hit.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Iterator

from django.utils.translation import gettext

# What the whole workbook may unpack to. A 200,000-row sheet of a dozen
# columns is about 150 MB of XML.
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
# Office compresses sheet XML about 10:1; a part squeezed 100 times or more is
# a repetition built to unpack into something huge.
MAX_COMPRESSION_RATIO = 100
# Ratios of small parts say nothing: a tiny part may compress very well.
RATIO_CHECKED_FROM = 1024 * 1024
# openpyxl keeps every shared string in memory for the whole read.
MAX_SHARED_STRINGS = 1_000_000
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
# Excel's own limit for a cell's text.
MAX_CELL_CHARS = 32_767

_SHARED_STRING_TAG = re.compile(rb"<(?:\w{1,16}:)?si[\s>/]")
_TAIL = 24  # longer than any shared-string tag


class WorkbookError(ValueError):
    """The workbook breaks a limit or cannot be read; the message says which."""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


def _text_too_big() -> str:
    return gettext("The workbook's text takes more than %(size)s, the limit. Split it in parts.") % {
        "size": _mb(MAX_SHARED_STRINGS_BYTES)}


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse an archive whose declared sizes or compression break the limits,
    before any part is unpacked."""
    total = 0
    for entry in archive.infolist():
        total += entry.file_size
        if total > MAX_UNPACKED_BYTES:
            raise WorkbookError(gettext("The workbook unpacks to more than %(size)s, the limit. "
                                        "Split it in parts, or save it as CSV UTF-8.")
                                % {"size": _mb(MAX_UNPACKED_BYTES)})
        if entry.file_size >= RATIO_CHECKED_FROM and entry.file_size > MAX_COMPRESSION_RATIO * max(
                entry.compress_size, 1):
            raise WorkbookError(gettext(
                "The workbook's part %(part)s is compressed more than %(ratio)s to 1, the limit: it holds huge "
                "repeated content. Save the sheet again without it."
            ) % {"part": entry.filename, "ratio": MAX_COMPRESSION_RATIO})
        if entry.filename.lower().endswith("sharedstrings.xml") and entry.file_size > MAX_SHARED_STRINGS_BYTES:
            raise WorkbookError(_text_too_big())


def _count_shared_strings(archive: zipfile.ZipFile) -> None:
    too_big = WorkbookError(_text_too_big())
    too_many = WorkbookError(gettext("The workbook holds more than %(limit)s different texts, the limit. "
                                     "Split it in parts.") % {"limit": f"{MAX_SHARED_STRINGS:,}"})
    for name in archive.namelist():
        if not name.lower().endswith("sharedstrings.xml"):
            continue
        count, read, tail = 0, 0, b""
        with archive.open(name) as part:
            # The declared size was checked; counting what is really unpacked
            # covers a directory that lies about it.
            while chunk := part.read(1024 * 1024):
                read += len(chunk)
                if read > MAX_SHARED_STRINGS_BYTES:
                    raise too_big
                block = tail + chunk
                # A tag cut by the block's end is counted in the next block,
                # which starts with this block's last bytes.
                keep = len(block) - _TAIL
                count += sum(1 for m in _SHARED_STRING_TAG.finditer(block) if m.start() < keep)
                tail = block[keep:] if keep > 0 else block
                if count > MAX_SHARED_STRINGS:
                    raise too_many
        count += len(_SHARED_STRING_TAG.findall(tail))
        if count > MAX_SHARED_STRINGS:
            raise too_many


def sheet_rows(data: bytes, *, max_rows: int, max_columns: int) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(row number, cells) for every row of the first sheet, empty rows
    included, up to `max_rows` rows; WorkbookError past a limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WorkbookError(
            gettext("The Excel file cannot be read (a damaged archive). Save it again as .xlsx.")
        ) from None
    with archive:
        check_archive(archive)
        try:
            _count_shared_strings(archive)
        except WorkbookError:
            raise
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
            raise WorkbookError(gettext("The Excel file cannot be read (%(error)s). Save it again as .xlsx.")
                                % {"error": type(exc).__name__}) from None
    # openpyxl warns about harmless oddities of other tools' files (missing
    # styles, unknown extensions).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            yield from _stream(data, max_rows=max_rows, max_columns=max_columns)
        except WorkbookError:
            raise
        except Exception as exc:  # openpyxl raises many types on damaged files
            raise WorkbookError(gettext("The Excel file cannot be read (%(error)s). Save it again as .xlsx.")
                                % {"error": type(exc).__name__}) from None


def _stream(data: bytes, *, max_rows: int, max_columns: int) -> Iterator[tuple[int, tuple[object, ...]]]:
    """The first worksheet's rows through openpyxl's own sheet parser.

    Not through load_workbook: its read-only sheet parses the whole sheet
    once on opening when the file does not state its dimensions, which a
    file of millions of empty rows turns into minutes. data_only gives a
    formula cell's saved value: formulas are never evaluated here.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        book = reader.wb
        targets = [rel.target for _, rel in reader.parser.find_sheets()
                   if "chartsheet" not in rel.Type and rel.target in reader.valid_files]
        if not targets:
            raise WorkbookError(gettext("The workbook has no sheet to read."))
        with reader.archive.open(targets[0]) as source:
            parser = WorkSheetParser(source, reader.shared_strings, data_only=True, epoch=book.epoch,
                                     date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
            expected = 1
            for number, cells in parser.parse():
                # A sheet's rows carry their numbers; the gaps between them
                # are empty rows and count towards the limit like any other.
                if number > max_rows:
                    raise WorkbookError(gettext(
                        "The sheet has more than %(limit)s rows (empty rows count), the limit. "
                        "Delete the empty rows below the data, or split the file in parts."
                    ) % {"limit": f"{max_rows:,}"})
                for gap in range(expected, number):
                    yield gap, ()
                expected = number + 1
                yield number, _values(number, cells, max_columns)
    finally:
        reader.archive.close()


def _values(number: int, cells: list[dict], max_columns: int) -> tuple[object, ...]:
    width = max((cell["column"] for cell in cells), default=0)
    values: list[object] = [None] * min(width, max_columns)
    for cell in cells:
        value, column = cell["value"], cell["column"]
        if column > max_columns:
            if value is not None and str(value).strip():
                raise WorkbookError(gettext("Row %(row)s has more than %(limit)s columns, the limit.")
                                    % {"row": number, "limit": max_columns})
            continue
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise WorkbookError(gettext("Row %(row)s holds a cell of %(length)s characters; the limit is %(limit)s.")
                                % {"row": number, "length": f"{len(value):,}", "limit": f"{MAX_CELL_CHARS:,}"})
        values[column - 1] = value
    return tuple(values)
