"""`coachready import FILE --region N`: summary, exit status 2, nothing half-written."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coachready.certs.models import CertificationRecord
from coachready.org.models import AuditEntry
from tests.imports.helpers import csv_bytes, sample
from tests.imports.test_services import legacy_rows

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


def refused(*args) -> CommandError:
    with pytest.raises(CommandError) as caught:
        run(*args)
    assert caught.value.returncode == 2
    return caught.value


@pytest.fixture
def legacy_file(tmp_path):
    rows = legacy_rows(1000)
    rows[500][5] = "2/30/2024"
    path = tmp_path / "legacy.csv"
    path.write_bytes(csv_bytes(rows))
    return path


def test_imports_a_file_and_prints_the_summary(world, tmp_path):
    path = tmp_path / "volunteers.csv"
    path.write_bytes(sample("volunteers.csv"))
    out = run(str(path), "--region", "60", "--user", world.rca.email)
    assert "6 created, 0 updated, 0 skipped, 0 errors" in out and "Imported into Region 60" in out
    path.write_bytes(sample("records.csv"))
    assert "16 created" in run(str(path), "--region", "60")
    again = run(str(path), "--region", "60")
    assert "0 created, 0 updated, 16 skipped" in again


def test_one_bad_row_refuses_the_file_and_names_the_row(world, legacy_file, capsys):
    out = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import", str(legacy_file), "--region", "60", stdout=out)
    assert caught.value.returncode == 2 and "nothing was imported" in str(caught.value)
    assert "row 501, column Completion_Date: '2/30/2024' is not a real date" in out.getvalue()
    assert not CertificationRecord.objects.exists() and not AuditEntry.objects.exists()


def test_skip_invalid_lands_the_other_999_rows(world, legacy_file):
    out = run(str(legacy_file), "--region", "60", "--skip-invalid")
    assert "999 created" in out and "row 501" in out
    assert CertificationRecord.objects.count() == 999


def test_dry_run_writes_nothing(world, legacy_file):
    out = run(str(legacy_file), "--region", "60", "--skip-invalid", "--dry-run")
    assert "999 created" in out and "Dry run" in out
    assert not CertificationRecord.objects.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["missing.csv", "--region", "60"], "cannot read the file"),
    (["{file}", "--region", "999"], "no such region"),
    (["{file}", "--region", "60", "--undated-on", "yesterday"], "not a date"),
    (["{file}", "--region", "60", "--user", "nobody@example.org"], "no account"),
    (["{file}", "--region", "60", "--kind", "volunteers"], "needs First_Name and Last_Name"),
    (["{binary}", "--region", "60"], "binary data"),
])
def test_bad_arguments_and_unreadable_files_are_one_line_exit_2(world, tmp_path, args, message):
    good = tmp_path / "r.csv"
    good.write_bytes(csv_bytes([["Email", "Course", "Completed"], ["a@example.org", "Safe Haven", "2024-01-01"]]))
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01\x02")
    args = [a.format(file=good, binary=binary) for a in args]
    error = refused(*args)
    assert message in str(error) and "\n" not in str(error)
    assert not CertificationRecord.objects.exists()


def test_the_console_script_exits_2(world, tmp_path, monkeypatch):
    from coachready.cli import main

    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(SystemExit) as caught:
        main(["import", str(binary), "--region", "60"])
    assert caught.value.code == 2
