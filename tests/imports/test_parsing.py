"""Reading files: formats, encodings, header rows, cells. No database."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from coachready.core.exports import escape_formula
from coachready.imports.columns import field_for_header
from coachready.imports.courses import match_course
from coachready.imports.parsing import ParseError, read_table
from coachready.imports.values import CellError, cell_text, parse_date
from tests.imports.helpers import RECORD_HEADER, csv_bytes

ROW = ["81000001", "Alvarez", "Marisol", "m@example.org", "10U Coach", "2024-09-14"]


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (",", True), (";", False), (";", True), ("\t", False)])
def test_csv_with_or_without_bom_and_any_separator(delimiter, bom):
    table = read_table(csv_bytes([RECORD_HEADER, ROW], delimiter=delimiter, bom=bom), "f.csv")
    assert table.header.columns["volunteer_id"] == 0 and table.header.kind == "records"
    assert table.rows == [(2, tuple(ROW))]


def test_title_rows_with_commas_above_the_header_are_skipped():
    rows = [["Course Completion Report", "Region 60, Alhambra"], ["Generated 2026-08-01"], [],
            ["Username", "Surname", "Firstname", "Course Name", "Completion Date"],
            ["a@example.org", "Wong", "Lily", "Safe Haven", "7/12/2026"]]
    table = read_table(csv_bytes(rows), "report.csv")
    assert table.header.row == 4
    assert set(table.header.columns) == {"username", "last_name", "first_name", "course", "completed_on"}
    assert [n for n, _ in table.rows] == [5]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    ("Admin_ID,Last_Name,First_Name\n1,Pérez,José\n".encode("latin-1"), "not UTF-8"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old Excel .xls"),
    (b"PK\x03\x04not really a zip", "Excel file cannot be read"),
    (b"just,some,words\n1,2,3\n", "No header row"),
    (b"Email,E-mail,Last Name\n", "both hold the email"),
])
def test_unreadable_files_get_one_clear_message(data, message):
    with pytest.raises(ParseError, match=message):
        read_table(data, "upload.csv")


def test_a_csv_named_xlsx_is_refused():
    with pytest.raises(ParseError, match="not an Excel workbook"):
        read_table(csv_bytes([RECORD_HEADER, ROW]), "export.xlsx")


def test_a_cell_beyond_the_csv_field_limit_is_a_parse_error():
    data = b"Admin_ID,Last_Name,First_Name\n1,\"" + b"x" * 200_000 + b"\n"
    with pytest.raises(ParseError, match="far too long"):
        read_table(data, "f.csv")


def test_xlsx_with_title_rows_numeric_ids_and_date_cells():
    data = xlsx([["Licence report"], [], ["Admin_ID", "Last_Name", "First_Name", "Email",
                                          "Coaching_License/Referee_Grade", "Date"],
                 [81000001.0, "Alvarez", "Marisol", "m@example.org", "U-10 Coach", datetime(2024, 9, 14)]])
    table = read_table(data, "licences.xlsx")
    assert table.format == "xlsx" and table.header.row == 3
    (number, cells), = table.rows
    assert number == 4 and cell_text(cells[0]) == "81000001" and parse_date(cells[5]) == date(2024, 9, 14)


def test_formula_cells_in_a_workbook_are_never_evaluated():
    data = xlsx([["Admin_ID", "Last_Name", "First_Name"], ["1", "=1+1", "=cmd|' /C calc'!A0"]])
    (_, cells), = read_table(data, "f.xlsx").rows
    # openpyxl writes "=..." as a formula with no saved value: it reads as empty, never as a result.
    assert cells[1] in (None, "=1+1") and cells[2] in (None, "=cmd|' /C calc'!A0")


@pytest.mark.parametrize(("header", "field"), [
    ("Admin_ID", "volunteer_id"), ("AYSO ID", "volunteer_id"), ("volunteer id", "volunteer_id"),
    ("Username", "username"), ("Surname", "last_name"), ("LAST_NAME", "last_name"), ("Firstname", "first_name"),
    ("Coaching_License/Referee_Grade", "course"), ("Course Name", "course"), ("Certification", "course"),
    ("Completion Date", "completed_on"), ("Date Completed", "completed_on"), ("date", "completed_on"),
    ("Expires", "valid_until"), ("Valid Until", "valid_until"), ("Risk Status", "risk_status"),
    ("Date of Birth", "birth_date"), ("E-mail", "email"), ("Shirt size", None),
])
def test_headers_are_matched_loosely(header, field):
    assert field_for_header(header) == field


@pytest.mark.parametrize(("name", "code"), [
    ("AYSO's Safe Haven", "safe_haven"), ("Z-Online AYSOs Safe Haven", "safe_haven"),
    ("Safe Haven Coach", "safe_haven"),
    ("CDC Concussion Awareness", "concussion"), ("Z-Online CDC Concussion Awareness Training", "concussion"),
    ("Sudden Cardiac Arrest", "sudden_cardiac_arrest"), ("SafeSport Trained - U.S. Soccer Federation", "safesport"),
    ("U-6 Coach", "coach_6u"), ("U-8 Coach", "coach_8u"), ("U-10 Coach", "coach_10u"), ("u-12 coach", "coach_12u"),
    ("10U Coach", "coach_10u"), ("Intermediate (14U) Coach", "coach_intermediate"),
    ("Advanced (19U) Coach", "coach_advanced"), ("Advanced Coach", "coach_advanced"),
    ("National Coach", "coach_national"), ("Schoolyard Activity Leader", "coach_schoolyard"),
    ("Playground Coach", "coach_schoolyard"), ("Regional Referee", "referee_regional"),
    ("Intermediate Referee", "referee_intermediate"), ("Advanced Referee", "referee_advanced"),
    ("National Referee", "referee_national"), ("Live Scan", "live_scan"), ("Background Check", "background_check"),
    ("coach_10u", "coach_10u"),
])
def test_legacy_course_names(name, code):
    assert match_course(name).code == code


def test_u8_official_is_skipped_with_a_reason_not_read_as_a_referee_grade():
    found = match_course("U-8 Official")
    assert found.code is None and "below Regional Referee" in found.skip_reason


@pytest.mark.parametrize("name", ["Referee Assessor", "Advanced Coaching Seminar", "Coach"])
def test_unknown_course_names_are_not_guessed(name):
    assert match_course(name).code is None and not match_course(name).skip_reason


@pytest.mark.parametrize(("text", "day"), [
    ("2026-07-15", date(2026, 7, 15)), ("7/15/2026", date(2026, 7, 15)), ("07/05/2026", date(2026, 7, 5)),
    ("2026-07-15 13:05:00", date(2026, 7, 15)), ("7/15/2026 1:05 PM", date(2026, 7, 15)),
    ("15-Jul-2026", date(2026, 7, 15)), ("Jul 15, 2026", date(2026, 7, 15)), ("2024-02-29", date(2024, 2, 29)),
    ("", None),
])
def test_dates_read(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize(("text", "message"), [
    ("2026-02-30", "not a real date"), ("2025-02-29", "not a real date"), ("13/45/2026", "not a real date"),
    ("7/15/26", "not a date"), ("soon", "not a date"), ("2026-7", "not a date"),
])
def test_impossible_dates_are_errors(text, message):
    with pytest.raises(CellError, match=message):
        parse_date(text)


@pytest.mark.parametrize(("text", "escaped"), [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+1 626 555 0100", "'+1 626 555 0100"), ("-5", "'-5"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("Garcia", "Garcia"), ("", ""),
])
def test_formula_like_text_is_escaped_and_reads_back(text, escaped):
    assert escape_formula(text) == escaped
    assert cell_text(escaped) == text.strip()
