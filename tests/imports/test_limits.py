"""Files built to exhaust the server are refused before they are read whole,
with a message naming the limit. No database."""

import io
import zipfile

import pytest

from coachready.imports import xlsx as limits
from coachready.imports.parsing import MAX_SHEET_ROWS, ParseError, read_table
from tests.imports.helpers import RECORD_HEADER, csv_bytes

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = "</sheetData></worksheet>"
SST_HEAD = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Admin_ID</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>Last_Name</t></is></c>'
              '<c r="C1" t="inlineStr"><is><t>First_Name</t></is></c></row>')


def workbook(sheet_parts, shared_parts=("",)) -> bytes:
    """An .xlsx written part by part, so a part far larger than memory
    would like can be streamed into the archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, head, parts, tail in (("xl/sharedStrings.xml", SST_HEAD, shared_parts, "</sst>"),
                                        ("xl/worksheets/sheet1.xml", SHEET_HEAD, sheet_parts, SHEET_TAIL)):
            with archive.open(name, "w", force_zip64=True) as part:
                part.write(head.encode())
                for chunk in parts:
                    part.write(chunk.encode())
                part.write(tail.encode())
    return out.getvalue()


def one_long_string(chars: int):
    yield "<si><t>"
    block = "A" * (1024 * 1024)
    for _ in range(chars // len(block)):
        yield block
    yield "A" * (chars % len(block)) + "</t></si>"


def empty_rows(count: int, *, start: int = 2):
    for first in range(start, start + count, 100_000):
        yield "".join([f'<row r="{n}"/>' for n in range(first, min(first + 100_000, start + count))])


def refused(data: bytes, filename: str = "bomb.xlsx") -> str:
    with pytest.raises(ParseError) as caught:
        read_table(data, filename)
    return str(caught.value)


def test_the_workbook_built_here_is_readable():
    data = workbook([HEADER_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Wong</t>'
                     '</is></c><c r="C2" t="inlineStr"><is><t>Lily</t></is></c></row>'],
                    ["<si><t>81000001</t></si>"])
    assert read_table(data, "ok.xlsx").rows == [(2, ("81000001", "Wong", "Lily"))]


def test_a_huge_shared_string_is_refused_by_its_compression_before_unpacking():
    # The real bomb held 1.2 GB in a 1.17 MB file; 80 MB shows the same and
    # stays quick to build.
    data = workbook([HEADER_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'], one_long_string(80 * 1024 * 1024))
    assert len(data) < 1024 * 1024
    message = refused(data)
    assert "compressed more than 100 to 1" in message and "sharedStrings.xml" in message


def test_a_workbook_unpacking_past_the_limit_is_refused_from_its_directory(monkeypatch):
    monkeypatch.setattr(limits, "MAX_COMPRESSION_RATIO", 10**9)
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 10 * 1024 * 1024)
    data = workbook([HEADER_ROW], one_long_string(11 * 1024 * 1024))
    message = refused(data)
    assert "unpacks to more than 10 MB, the limit" in message


@pytest.mark.parametrize(("setting", "value", "parts", "words"), [
    ("MAX_SHARED_STRINGS_BYTES", 1024 * 1024, one_long_string(2 * 1024 * 1024), "text takes more than 1 MB"),
    ("MAX_SHARED_STRINGS", 1000, ["<si><t>x</t></si>"] * 1001, "more than 1,000 different texts"),
    ("MAX_SHARED_STRINGS", 1000, ["<si><t>x</t></si>" * 1001], "more than 1,000 different texts"),
])
def test_shared_strings_are_bounded_before_openpyxl_loads_them(monkeypatch, setting, value, parts, words):
    monkeypatch.setattr(limits, "MAX_COMPRESSION_RATIO", 10**9)
    monkeypatch.setattr(limits, setting, value)
    message = refused(workbook([HEADER_ROW], parts))
    assert words in message


def test_shared_strings_at_the_count_limit_are_read(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 1000)
    data = workbook([HEADER_ROW], ["<si><t>x</t></si>"] * 1000)
    assert read_table(data, "ok.xlsx").rows == []


def test_a_cell_longer_than_excel_allows_is_refused():
    data = workbook([HEADER_ROW, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'], one_long_string(40_000))
    message = refused(data)
    assert "40,000 characters; the limit is 32,767" in message


@pytest.mark.parametrize("rows", [
    pytest.param(lambda: empty_rows(3_000_000), id="3,000,000 empty rows"),
    pytest.param(lambda: [f'<row r="{3_000_000}"><c r="A3000000" t="inlineStr"><is><t>1</t></is></c></row>'],
                 id="one row numbered 3,000,000"),
])
def test_empty_rows_count_towards_the_row_limit(rows):
    data = workbook([HEADER_ROW, *rows()])
    message = refused(data)
    assert f"more than {MAX_SHEET_ROWS:,} rows (empty rows count)" in message


def test_a_csv_of_empty_lines_is_refused_at_the_row_limit():
    data = csv_bytes([RECORD_HEADER]) + b"\r\n" * (MAX_SHEET_ROWS + 1)
    message = refused(data, "blank.csv")
    assert "empty rows count" in message


def test_a_csv_cell_longer_than_the_limit_is_refused():
    data = csv_bytes([RECORD_HEADER, ["1", "W" * 40_000]])
    message = refused(data, "long.csv")
    assert "longer than 32,767 characters, the limit" in message
