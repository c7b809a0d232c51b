"""Importing files into a region: the acceptance cases of issue #10."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.core import exports
from coachready.imports import exporting
from coachready.imports.services import import_file
from coachready.org.models import AuditEntry, Person
from tests.factories import give_record, make_person, make_region
from tests.imports.helpers import RECORD_HEADER, csv_bytes

pytestmark = pytest.mark.django_db

LEGACY = ("Z-Online AYSOs Safe Haven", "Z-Online CDC Concussion Awareness Training", "Sudden Cardiac Arrest",
          "SafeSport Trained - U.S. Soccer Federation", "Live Scan", "Regional Referee", "U-6 Coach", "U-10 Coach",
          "Intermediate (14U) Coach", "Advanced (19U) Coach")


def legacy_rows(count: int, *, start_id: int = 70_000_000) -> list[list[str]]:
    """`count` certification rows, ten legacy-named courses per volunteer."""
    rows = [RECORD_HEADER]
    for i in range(count):
        n = i // len(LEGACY)
        done = date(2019, 1, 1) + timedelta(days=(i * 7) % 2000)
        rows.append([str(start_id + n), f"Volunteer{n}", "Pat", f"pat.{n}@example.org", LEGACY[i % len(LEGACY)],
                     f"{done.month}/{done.day}/{done.year}"])
    return rows


def snapshot(region):
    people = set(Person.objects.filter(home_region=region).values_list(
        "volunteer_id", "first_name", "last_name", "email", "phone", "birth_date", "language"))
    records = set(CertificationRecord.objects.filter(person__home_region=region).values_list(
        "person__volunteer_id", "person__email", "requirement", "completed_on", "valid_until", "risk_status"))
    return people, records


def test_a_5000_row_legacy_file_imports_and_again_changes_nothing(world):
    data = csv_bytes(legacy_rows(5000))
    first = import_file(data, "legacy.csv", world.region, world.rca.user)
    assert first.committed and first.counts["create"] == 5000 and first.counts["error"] == 0
    assert CertificationRecord.objects.filter(source="import").count() == 5000
    assert Person.objects.filter(volunteer_id__startswith="7").count() == 500
    again = import_file(data, "legacy.csv", world.region, world.rca.user)
    assert (again.counts["create"], again.counts["update"], again.counts["skip"]) == (0, 0, 5000)
    assert CertificationRecord.objects.count() == 5000
    entry = AuditEntry.objects.filter(action="imports.batch.committed").first()
    assert entry.data["counts"]["skip"] == 5000 and entry.region == world.region


def test_export_then_import_into_an_empty_region_reproduces_everything(world):
    region = make_region(62, "Round Trip", area=world.area)
    import_file(csv_bytes(legacy_rows(200, start_id=71_000_000)), "legacy.csv", region, world.rca.user)
    nameless = make_person(region, "Zoë", "=HYPERLINK(\"http://x\")", user=False, phone="+1 626 555 0100",
                           email="zoe@example.org", language="zh-hant")
    give_record(nameless, "background_check", date(2026, 7, 1), risk_status="orange",
                valid_until=date(2027, 6, 30), status="verified")
    before = snapshot(region)
    volunteers = exports.csv_bytes(exporting.EXPORTS["volunteers"],
                                     exporting.volunteer_rows([region], today=date(2026, 11, 1)))
    records = exports.xlsx_bytes(exporting.EXPORTS["records"], exporting.record_rows([region]))
    assert b"'=HYPERLINK" in volunteers  # escaped, never a live formula
    Person.objects.filter(home_region=region).delete()
    assert import_file(volunteers, "volunteers.csv", region, world.rca.user).counts["error"] == 0
    result = import_file(records, "records.xlsx", region, world.rca.user)
    assert result.counts["error"] == 0 and result.counts["create"] == 201
    assert snapshot(region) == before


def test_one_bad_date_among_1000_rows_refuses_the_whole_file(world):
    rows = legacy_rows(1000)
    rows[500][5] = "2/30/2024"
    data = csv_bytes(rows)
    refused = import_file(data, "legacy.csv", world.region, world.rca.user)
    assert refused.refused and not refused.committed
    assert refused.errors == [(501, "Completion_Date", "'2/30/2024' is not a real date")]
    assert not CertificationRecord.objects.exists()
    assert not Person.objects.filter(volunteer_id__startswith="7").exists()
    assert not AuditEntry.objects.exists()
    skipping = import_file(data, "legacy.csv", world.region, world.rca.user, skip_invalid=True)
    assert skipping.committed and skipping.counts["create"] == 999
    assert CertificationRecord.objects.count() == 999


def test_a_dry_run_writes_nothing(world):
    result = import_file(csv_bytes(legacy_rows(30)), "legacy.csv", world.region, world.rca.user, dry_run=True)
    assert result.counts["create"] == 30 and not result.committed
    assert not CertificationRecord.objects.exists() and not AuditEntry.objects.exists()


def rows_of(*rows):
    return csv_bytes([RECORD_HEADER, *rows])


@pytest.mark.parametrize(("row", "column", "reason"), [
    (["1", "Coach", "Casey", "", "Referee Assessor", "2024-01-01"], "Course", "unknown course 'Referee Assessor'"),
    (["1", "Coach", "Casey", "", "10U Coach", (timezone.localdate() + timedelta(days=30)).isoformat()],
     "Completion_Date", "is in the future"),
    (["1", "Coach", "Casey", "not-an-email", "10U Coach", "2024-01-01"], "Email", "is not an email address"),
    (["", "", "", "", "10U Coach", "2024-01-01"], "Admin_ID", "names nobody"),
    (["", "Nobody", "Known", "", "10U Coach", "2024-01-01"], "Admin_ID", "no volunteer of Region 60 matches"),
    (["", "Coach", "Casey", "", "SafeSport", ""], "Completion_Date", "needs its completion date"),
])
def test_bad_rows_name_their_column_and_reason(world, row, column, reason):
    result = import_file(rows_of(row), "f.csv", world.region, world.rca.user, dry_run=True)
    (number, col, message), = result.errors
    assert (number, col) == (2, column) and reason in message


def test_a_duplicate_row_in_the_file_is_an_error(world):
    row = ["", "Coach", "Casey", world.coach.email, "10U Coach", "2024-01-01"]
    result = import_file(rows_of(row, row), "f.csv", world.region, world.rca.user, dry_run=True)
    assert result.errors == [(3, "", "duplicate row: the same as row 2")]


def test_identity_conflicts_are_errors(world):
    world.coach.volunteer_id = "55500001"
    world.coach.save()
    world.other_rca.volunteer_id = "55500002"
    world.other_rca.save()
    result = import_file(rows_of(
        ["55500001", "Referee", "Reggie", "", "10U Coach", "2024-01-01"],
        ["55500002", "Outsider", "Otto", "", "10U Coach", "2024-01-01"],
        ["55500009", "Coach", "Casey", world.coach.email, "10U Coach", "2024-01-01"],
    ), "f.csv", world.region, world.rca.user, dry_run=True)
    reasons = [reason for _, _, reason in result.errors]
    assert "belongs to Casey Coach, not Reggie Referee" in reasons[0]
    assert "belongs to a volunteer of Region 61" in reasons[1]
    assert "already has volunteer id 55500001" in reasons[2]
    assert all(r.startswith("conflicting identity") for r in reasons)


def test_a_near_match_is_flagged_never_merged(world):
    william = make_person(world.region, "William", "Chen", user=False, email="wchen@example.org",
                          birth_date=date(1979, 9, 30))
    data = csv_bytes([["Last_Name", "First_Name", "Email", "Birth_Date"], ["Chen", "Bill", "wchen@example.org",
                                                                           "1979-09-30"]])
    result = import_file(data, "v.csv", world.region, world.rca.user)
    (outcome,) = result.plan.outcomes
    assert outcome.action == "review" and outcome.candidate.pk == william.pk
    assert "same email as William Chen" in outcome.message
    assert Person.objects.filter(last_name="Chen").count() == 1


def test_rows_without_a_date_count_as_of_the_chosen_day_and_only_once(world):
    data = csv_bytes([["Admin_ID", "Last_Name", "First_Name", "Email", "Coaching_License/Referee_Grade"],
                      ["", "Coach", "Casey", world.coach.email, "U-10 Coach"]])
    first = import_file(data, "l.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))
    assert first.counts["create"] == 1
    assert CertificationRecord.objects.get(person=world.coach).completed_on == date(2026, 8, 1)
    later = import_file(data, "l.csv", world.region, world.rca.user, undated_on=date(2026, 9, 1))
    assert later.counts["skip"] == 1 and CertificationRecord.objects.count() == 1


def test_a_changed_expiry_updates_the_record(world):
    record = give_record(world.coach, "background_check", date(2026, 7, 1), risk_status="gray")
    data = csv_bytes([["Email", "Last Name", "First Name", "Course", "Completed", "Expires", "Risk Status"],
                      [world.coach.email, "Coach", "Casey", "Background Check", "2026-07-01", "2027-06-30", "Green"]])
    result = import_file(data, "r.csv", world.region, world.rca.user)
    assert result.counts["update"] == 1
    record.refresh_from_db()
    assert (record.valid_until, record.risk_status) == (date(2027, 6, 30), "green")


def test_rows_of_another_region_are_skipped(world):
    data = csv_bytes([["Admin_ID", "Last_Name", "First_Name", "Region"], ["123", "Else", "Someone", "61"]])
    result = import_file(data, "v.csv", world.region, world.rca.user)
    assert result.plan.outcomes[0].action == "skip" and "Region 61" in result.plan.outcomes[0].message
    assert not Person.objects.filter(last_name="Else").exists()


def test_volunteers_file_updates_contact_details_and_adds_roles(world):
    data = csv_bytes([["Email", "Last_Name", "First_Name", "Phone", "Roles"],
                      [world.referee.email.upper(), "Referee", "Reggie", "626-555-0199",
                       "Assistant Coach (10U); Regional Coach Administrator"]])
    result = import_file(data, "v.csv", world.region, world.rca.user)
    (outcome,) = result.plan.outcomes
    assert outcome.action == "update" and "phone changed" in outcome.message
    world.referee.refresh_from_db()
    assert world.referee.phone == "626-555-0199"
    roles = set(world.referee.roles.values_list("role", "division"))
    assert ("assistant_coach", "10U") in roles
    assert not world.referee.roles.filter(role="regional_coach_administrator").exists()


def test_the_same_name_under_another_email_is_a_near_match(world):
    data = rows_of(["", "Coach", "Casey", "casey.new@example.org", "10U Coach", "2024-01-01"])
    result = import_file(data, "r.csv", world.region, world.rca.user)
    (outcome,) = result.plan.outcomes
    assert outcome.action == "review" and outcome.candidate.pk == world.coach.pk
    assert "another email" in outcome.message
    assert not CertificationRecord.objects.exists() and Person.objects.filter(last_name="Coach").count() == 1


def test_a_training_site_login_that_is_not_an_email_is_not_an_identity(world):
    data = csv_bytes([["Course Completion Report"], [],
                      ["Username", "Surname", "Firstname", "Course", "Completion Date"],
                      ["ccoach77", "Coach", "Casey", "Sudden Cardiac Arrest", "6/28/2026"]])
    result = import_file(data, "report.csv", world.region, world.rca.user)
    assert result.counts["create"] == 1
    assert CertificationRecord.objects.get().person == world.coach
