"""The one export module: the same cells in CSV and XLSX, dates as dates,
ids as text, formulas never live, every CSV with a byte-order mark and CRLF."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from coachready.core import exports
from tests.certs.conftest import add_coaches, make_season

REPORT = exports.Report(("name", "volunteer_id", "born", "ok", "codes"), "People",
                        dates=frozenset({"born"}), ids=frozenset({"volunteer_id"}))
ROWS = [
    {"name": "Zoë Núñez", "volunteer_id": "00123", "born": date(1985, 2, 28), "ok": True, "codes": ["a", "b"]},
    {"name": "=HYPERLINK(1)", "volunteer_id": None, "born": None, "ok": False, "codes": []},
]


def test_csv_has_a_byte_order_mark_and_crlf():
    data = exports.csv_bytes(REPORT, ROWS)
    assert data.startswith("\ufeffname,".encode())
    text = data.decode("utf-8-sig")
    assert text.split("\r\n") == [
        "name,volunteer_id,born,ok,codes",
        "Zoë Núñez,00123,1985-02-28,yes,a b",
        "'=HYPERLINK(1),,,no,",
        "",
    ]


def test_rows_may_be_sequences_in_column_order():
    assert exports.csv_bytes(REPORT, [("Pat", "7", date(2020, 1, 2), True, ())]).decode("utf-8-sig").splitlines()[1] \
        == "Pat,7,2020-01-02,yes,"


def test_xlsx_holds_dates_as_dates_and_ids_as_text():
    sheet = load_workbook(io.BytesIO(exports.xlsx_bytes(REPORT, ROWS))).active
    header, first, second = list(sheet.iter_rows())
    assert [c.value for c in header] == list(REPORT.columns)
    born = first[2]
    assert born.is_date and born.value == datetime(1985, 2, 28) and born.number_format == exports.DATE_FORMAT
    assert first[1].data_type == "s" and first[1].value == "00123"
    assert [c.value for c in second] == ["'=HYPERLINK(1)", None, None, "no", None]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("=1+1", "'=1+1"), ("+1 626", "'+1 626"), ("-5", "'-5"), ("@me", "'@me"), ("Ann", "Ann"), ("", "")],
)
def test_formula_like_text_is_escaped(text, escaped):
    assert exports.escape_formula(text) == escaped


def _lapse_cells(sheet) -> list:  # noqa: ANN001
    header = [c.value for c in next(sheet.iter_rows())]
    column = header.index("earliest_lapse")
    return [row[column] for row in list(sheet.iter_rows())[1:]]


def test_readiness_report_xlsx_holds_dates(world, tmp_path):
    add_coaches(make_season(world.region), 4, as_of=date(2026, 8, 15))
    target = tmp_path / "r.xlsx"
    call_command("readiness-report", "--region", "60", "--as-of", "2026-08-15", "--format", "xlsx",
                 "--output", str(target))
    cells = [c for c in _lapse_cells(load_workbook(target).active) if c.value is not None]
    assert cells, "certified coaches have a first lapse"
    assert all(c.is_date and isinstance(c.value, datetime) for c in cells)


def test_dashboard_and_command_export_the_same_columns(login, world, monkeypatch, tmp_path):
    from tests.certs.conftest import AS_OF

    monkeypatch.setattr("coachready.certs.views.readiness.today", lambda: AS_OF)
    add_coaches(make_season(world.region), 2, as_of=AS_OF)
    web = login(world.rca).get(reverse("certs:readiness", args=[60]), {"format": "xlsx"})
    target = tmp_path / "r.xlsx"
    call_command("readiness-report", "--region", "60", "--as-of", AS_OF.isoformat(), "--format", "xlsx",
                 "--output", str(target))
    web_sheet = load_workbook(io.BytesIO(web.content)).active
    cli_sheet = load_workbook(target).active
    assert list(web_sheet.values) == list(cli_sheet.values)
    assert all(c.is_date for c in _lapse_cells(web_sheet) if c.value is not None)


def test_volunteer_and_record_exports_hold_dates(login, world):
    from tests.factories import give_record

    give_record(world.coach, "safe_haven", date(2024, 3, 1))
    client = login(world.rca)
    for name, column in (("volunteers", "Birth_Date"), ("records", "Completion_Date")):
        response = client.get(reverse("imports:export_file", args=[60, name, "xlsx"]))
        sheet = load_workbook(io.BytesIO(response.content)).active
        header = [c.value for c in next(sheet.iter_rows())]
        values = [row[header.index(column)] for row in list(sheet.iter_rows())[1:]]
        assert values and all(c.is_date for c in values if c.value is not None)
        csv_response = client.get(reverse("imports:export_file", args=[60, name, "csv"]))
        text = b"".join(csv_response.streaming_content)
        assert text.startswith("\ufeff".encode()) and b"\r\n" in text and b"\n" not in text.replace(b"\r\n", b"")
