"""`coachready readiness-report`: rows, formats and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tests.certs.conftest import AS_OF, add_coaches


def run(*args) -> str:
    out = io.StringIO()
    call_command("readiness-report", *args, stdout=out)
    return out.getvalue()


def csv_rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff"), "every CSV starts with a byte-order mark"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_one_row_per_assignment(world, season):
    add_coaches(season, 3, as_of=AS_OF)
    add_coaches(season, 1, division="12U", as_of=AS_OF)
    rows = csv_rows(run("--region", "60", "--as-of", AS_OF.isoformat()))
    assert len(rows) == 4
    assert set(rows[0]) >= {"person", "volunteer_id", "team", "division", "role", "eligible", "unmet",
                            "earliest_lapse"}
    assert {r["eligible"] for r in rows} == {"yes", "no"}


def test_json_and_division_filter(world, season):
    add_coaches(season, 2)
    add_coaches(season, 1, division="12U")
    data = json.loads(run("--region", "60", "--as-of", "2026-08-15", "--format", "json", "--division", "u12"))
    assert data["division"] == "12U"
    assert [r["division"] for r in data["rows"]] == ["12U"]
    assert data["rows"][0]["unmet"] == ["coach_12u"] or data["rows"][0]["eligible"] is False


def test_xlsx_to_file(world, season, tmp_path):
    from openpyxl import load_workbook

    add_coaches(season, 2)
    target = tmp_path / "r.xlsx"
    run("--region", "60", "--as-of", "2026-08-15", "--format", "xlsx", "--output", str(target))
    values = list(load_workbook(target).active.values)
    assert values[0][0] == "person" and len(values) == 3


def test_xlsx_to_a_binary_stdout(world, season):
    add_coaches(season, 1)
    out = io.BytesIO()
    call_command("readiness-report", "--region", "60", "--as-of", "2026-08-15", "--format", "xlsx", stdout=out)
    assert out.getvalue().startswith(b"PK")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "999"], "No region numbered 999"),
        (["--region", "sixty"], "must be a region number"),
        (["--region", "60", "--as-of", "2026-13-01"], "--as-of must be a date"),
        (["--region", "60", "--format", "pdf"], "--format must be one of"),
        (["--region", "60", "--division", "11U"], "Unknown division"),
    ],
)
def test_bad_arguments_exit_2(world, args, message):
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert message in str(caught.value)
    assert caught.value.returncode == 2


def test_command_line_exit_status_and_one_line_error(world):
    # A missing required option: argparse's own error, kept to one line.
    result = subprocess.run(
        [sys.executable, "-m", "django", "readiness-report", "--format", "csv"],
        capture_output=True, text=True, env={**__import__("os").environ,
                                             "DJANGO_SETTINGS_MODULE": "coachready.config.test_settings"},
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("n", [3, 9])
def test_report_queries_do_not_grow(world, season, n, django_assert_max_num_queries):
    add_coaches(season, n)
    # The region, then its coaches, waiting roles, records and policy.
    with django_assert_max_num_queries(5):
        out = run("--region", "60", "--as-of", "2026-08-15")
    assert len(out.strip().splitlines()) == n + 1


def test_all_regions_reports_every_region_in_number_order(world, season):
    from tests.certs.conftest import make_season

    add_coaches(season, 2)
    add_coaches(make_season(world.other_region), 1, division="12U")
    rows = csv_rows(run("--all-regions", "--as-of", "2026-08-15"))
    assert [r["region"] for r in rows] == ["60", "60", "61"]


def test_all_regions_json_streams_one_document(world, season):
    add_coaches(season, 2)
    data = json.loads(run("--all-regions", "--as-of", "2026-08-15", "--format", "json", "--division", "10U"))
    assert data["all_regions"] is True and data["region"] is None and data["division"] == "10U"
    assert len(data["rows"]) == 2


def test_empty_json_report_is_valid(world):
    data = json.loads(run("--region", "60", "--as-of", "2026-08-15", "--format", "json"))
    assert data["rows"] == []


def test_region_and_all_regions_exclude_each_other(world):
    result = subprocess.run(
        [sys.executable, "-m", "django", "readiness-report", "--region", "60", "--all-regions"],
        capture_output=True, text=True, env={**__import__("os").environ,
                                             "DJANGO_SETTINGS_MODULE": "coachready.config.test_settings"},
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "not allowed with argument" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unwritable_output_leaves_no_half_file(world, season, tmp_path):
    add_coaches(season, 1)
    target = tmp_path / "missing-folder" / "r.csv"
    with pytest.raises(CommandError) as caught:
        run("--region", "60", "--output", str(target))
    assert caught.value.returncode == 2 and "Cannot write" in str(caught.value)
    assert not any(tmp_path.rglob("*.part"))


@pytest.mark.parametrize("n", [2, 6])
def test_national_report_queries_grow_with_regions_not_people(world, season, n, django_assert_max_num_queries):
    from tests.certs.conftest import make_season

    add_coaches(season, n)
    add_coaches(make_season(world.other_region), n)
    # One for the regions, then four for each ten regions.
    with django_assert_max_num_queries(1 + 4):
        out = run("--all-regions", "--as-of", "2026-08-15")
    assert len(out.strip().splitlines()) == 2 * n + 1
