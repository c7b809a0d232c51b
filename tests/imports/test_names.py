"""Names as people write them, through the real import: Han characters
compared as written, accents folded for Latin letters, and family members
sharing one email kept apart by name and birth date."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from coachready.certs.models import CertificationRecord
from coachready.imports.services import import_file
from coachready.org.models import Person
from tests.imports.helpers import csv_bytes

pytestmark = pytest.mark.django_db

VOLUNTEERS = [
    ["Last_Name", "First_Name", "Email", "Birth_Date", "Roles"],
    ["王", "伟", "wang.family@example.org", "1980-03-14", "Coach (10U)"],
    ["李", "娜", "wang.family@example.org", "1982-11-02", "Assistant Coach (10U)"],
    ["Nguyễn", "Thị Thảo", "thao.nguyen@example.org", "1986-06-21", "Coach (8U)"],
    ["Núñez", "José", "jose.nunez@example.org", "1977-01-09", "Referee"],
    ["陈", "建华", "", "1975-08-30", "Coach (12U)"],
]

# (last, first, birth date) as a records file names them, and whose record it is.
RECORDS = [
    ("王", "伟", "1980-03-14", ("王", "伟")),
    ("李", "娜", "1982-11-02", ("李", "娜")),
    ("Nguyễn", "Thị Thảo", "1986-06-21", ("Nguyễn", "Thị Thảo")),
    ("Nguyen", "Thi Thao", "1986-06-21", ("Nguyễn", "Thị Thảo")),
    ("Núñez", "José", "1977-01-09", ("Núñez", "José")),
    ("Nunez", "Jose", "1977-01-09", ("Núñez", "José")),
    ("NUNEZ", "JOSE", "1977-01-09", ("Núñez", "José")),
    ("Ｎｕñｅｚ", "Ｊｏｓé", "1977-01-09", ("Núñez", "José")),  # full-width forms
    ("王", " 伟", "1980-03-14", ("王", "伟")),
    ("陈", "建华", "1975-08-30", ("陈", "建华")),
    ("陳", "建華", "1975-08-30", None),  # Traditional characters are another spelling: never guessed
]
FAMILIES = [row[0] for row in VOLUNTEERS[1:]]
COURSES = ("Safe Haven", "CDC Concussion Awareness")


def records_file(rows) -> bytes:
    table = [["Last_Name", "First_Name", "Birth_Date", "Course", "Completion_Date"]]
    for i, (last, first, born, _) in enumerate(rows):
        done = date.today() - timedelta(days=100 - i)  # one day apart, in row order
        table.append([last, first, born, COURSES[i % len(COURSES)], done.isoformat()])
    return csv_bytes(table)


@pytest.fixture
def imported(world):
    result = import_file(csv_bytes(VOLUNTEERS), "volunteers.csv", world.region, world.rca.user)
    assert result.counts["error"] == 0, result.errors
    return world


def test_five_volunteers_written_as_they_write_their_names_are_five_people(imported):
    people = Person.objects.filter(home_region=imported.region, last_name__in=FAMILIES)
    assert sorted(people.values_list("last_name", "first_name", "email")) == sorted(
        (last, first, email) for last, first, email, _, _ in VOLUNTEERS[1:])
    assert people.filter(email="wang.family@example.org").count() == 2


def test_importing_the_volunteers_again_changes_nothing(imported):
    again = import_file(csv_bytes(VOLUNTEERS), "volunteers.csv", imported.region, imported.rca.user)
    assert (again.counts["create"], again.counts["update"], again.counts["error"]) == (0, 0, 0)
    assert again.counts["skip"] == 5


@pytest.mark.parametrize("row", RECORDS, ids=lambda row: f"{row[1]} {row[0]}")
def test_a_record_named_by_name_and_birth_date_reaches_the_right_person(imported, row):
    before = Person.objects.count()
    result = import_file(records_file([row]), "records.csv", imported.region, imported.rca.user)
    assert result.counts["error"] == 0, result.errors
    record = CertificationRecord.objects.get(source="import")
    if row[3] is None:
        assert Person.objects.count() == before + 1  # a new volunteer, not someone else's record
        assert (record.person.last_name, record.person.first_name) == (row[0], row[1])
    else:
        assert Person.objects.count() == before
        assert (record.person.last_name, record.person.first_name) == row[3]


def test_one_records_file_naming_all_five_attaches_every_record(imported):
    rows = [row for row in RECORDS if row[3] is not None]
    result = import_file(records_file(rows), "records.csv", imported.region, imported.rca.user)
    assert result.counts["error"] == 0 and result.counts["create"] == len(rows), result.errors
    owners = [(r.person.last_name, r.person.first_name)
              for r in CertificationRecord.objects.filter(source="import").order_by("completed_on")]
    assert owners == [row[3] for row in rows]
    assert Person.objects.filter(home_region=imported.region, last_name__in=FAMILIES).count() == 5


def test_the_command_line_imports_both_files_the_same_way(world, tmp_path):
    volunteers, records = tmp_path / "volunteers.csv", tmp_path / "records.csv"
    volunteers.write_bytes(csv_bytes(VOLUNTEERS))
    rows = [row for row in RECORDS if row[3] is not None]
    records.write_bytes(records_file(rows))
    out = io.StringIO()
    call_command("import", str(volunteers), "--region", "60", stdout=out)
    call_command("import", str(records), "--region", "60", stdout=out)
    assert Person.objects.filter(home_region=world.region, last_name__in=FAMILIES).count() == 5
    owners = [(r.person.last_name, r.person.first_name)
              for r in CertificationRecord.objects.filter(source="import").order_by("completed_on")]
    assert owners == [row[3] for row in rows]
