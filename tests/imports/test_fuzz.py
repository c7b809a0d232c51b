"""Whatever the file holds, the answer is a clear error or a clean import:
never a crash, never a partial write, never a formula run."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from coachready.certs.models import CertificationRecord
from coachready.core import exports
from coachready.imports import exporting
from coachready.imports.parsing import ParseError, read_table
from coachready.imports.services import import_file
from coachready.org.models import Person
from tests.imports.helpers import RECORD_HEADER, csv_bytes

DB_SETTINGS = settings(max_examples=25, deadline=None,
                       suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FORMULA = "=cmd|' /C calc'!A0"
cells = st.one_of(
    st.text(max_size=30), st.sampled_from([FORMULA, "+1", "-2", "@x", "\t=1", "2024-02-30", "U-10 Coach", "",
                                           "13/13/2013", "Safe Haven", "x" * 5000]),
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_parse_or_fail_clearly(data):
    try:
        read_table(data, "upload.csv")
    except ParseError as exc:
        assert str(exc)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_behind_a_zip_signature_fail_clearly(data):
    try:
        read_table(b"PK\x03\x04" + data, "upload.xlsx")
    except ParseError as exc:
        assert "Excel" in str(exc)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(cells, max_size=8), max_size=6), st.sampled_from(["utf-16", "latin-1", "cp1252", "utf-8"]))
def test_text_in_any_encoding_parses_or_fails_clearly(rows, encoding):
    data = csv_bytes([RECORD_HEADER, *rows]).decode("utf-8").encode(encoding, errors="replace")
    try:
        read_table(data, "f.csv")
    except ParseError as exc:
        assert str(exc)


@pytest.mark.django_db
@DB_SETTINGS
@given(st.lists(st.lists(cells, min_size=6, max_size=6), min_size=1, max_size=8))
def test_any_rows_import_whole_or_not_at_all(world, rows):
    before = (Person.objects.count(), CertificationRecord.objects.count())
    try:
        result = import_file(csv_bytes([RECORD_HEADER, *rows]), "f.csv", world.region, world.rca.user)
    except ParseError as exc:  # the file as a whole is unreadable (a NUL byte, say)
        assert str(exc)
        assert (Person.objects.count(), CertificationRecord.objects.count()) == before
        return
    after = (Person.objects.count(), CertificationRecord.objects.count())
    if result.refused:
        assert result.errors and after == before
    else:
        assert result.committed and after[1] - before[1] == result.counts["create"]


@pytest.mark.django_db
@DB_SETTINGS
@given(st.binary(max_size=3000))
def test_uploading_anything_never_errors(world, client, data):
    client.force_login(world.rca.user)
    response = client.post(reverse("imports:upload", args=[60]),
                           {"file": SimpleUploadedFile("f.csv", data), "undated_on": "2026-08-01"})
    assert response.status_code in (200, 302)


@pytest.mark.django_db
def test_formula_like_cells_are_stored_as_text_and_escaped_on_export(world):
    data = csv_bytes([["Admin_ID", "Last_Name", "First_Name", "Phone"], ["123", FORMULA, "=1+1", "+1 626 555 0100"]])
    import_file(data, "v.csv", world.region, world.rca.user)
    person = Person.objects.get(volunteer_id="123")
    assert (person.last_name, person.first_name, person.phone) == (FORMULA, "=1+1", "+1 626 555 0100")
    rows = list(exporting.volunteer_rows([world.region], today=date(2026, 11, 1)))
    text = exports.csv_bytes(exporting.EXPORTS["volunteers"], rows).decode("utf-8-sig")
    assert f"'{FORMULA}" in text.replace('""', '"') and "'=1+1" in text and "'+1 626" in text
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(exporting.EXPORTS["volunteers"], rows)))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert f"'{FORMULA}" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)


@pytest.mark.django_db
def test_huge_cells_are_row_errors(world):
    data = csv_bytes([RECORD_HEADER, ["1", "x" * 5000, "Pat", "", "Safe Haven", "2024-01-01"]])
    result = import_file(data, "f.csv", world.region, world.rca.user)
    assert result.refused and "the limit is 80" in result.errors[0][2]
