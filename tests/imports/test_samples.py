"""The sample files shipped with the product import as they come."""

import pytest

from coachready.certs.models import CertificationRecord
from coachready.imports.services import import_file
from coachready.org.models import AuditEntry, Person, RoleAssignment
from tests.imports.helpers import sample

pytestmark = pytest.mark.django_db


def test_volunteers_then_records_then_again_changes_nothing(world):
    user = world.rca.user
    first = import_file(sample("volunteers.csv"), "volunteers.csv", world.region, user)
    assert first.committed and first.counts["create"] == 6 and first.counts["error"] == 0
    assert Person.objects.filter(volunteer_id="81000002", home_region=world.region).exists()
    assert RoleAssignment.objects.filter(person__volunteer_id="81000002", role="referee").exists()
    records = import_file(sample("records.csv"), "records.csv", world.region, user)
    assert records.counts == {"create": 16, "update": 0, "skip": 0, "error": 0, "review": 0}
    stored = CertificationRecord.objects.filter(source="import")
    assert stored.count() == 16
    assert {r.status for r in stored} == {"verified"} and {r.verified_by for r in stored} == {user}
    assert stored.get(person__volunteer_id="81000004").risk_status == "yellow"
    again = import_file(sample("records.csv"), "records.csv", world.region, user)
    assert (again.counts["create"], again.counts["update"]) == (0, 0)
    assert again.counts["skip"] == 16
    assert AuditEntry.objects.filter(action="imports.batch.committed").count() == 3


def test_licence_grade_export_imports_as_it_comes(world):
    import_file(sample("volunteers.csv"), "volunteers.csv", world.region, world.rca.user)
    result = import_file(sample("licence-grade-export.csv"), "export.csv", world.region, world.rca.user)
    assert result.kind == "records" and result.counts["error"] == 0
    by_row = {o.row: o for o in result.plan.outcomes}
    assert by_row[7].action == "skip" and "below Regional Referee" in by_row[7].message  # U-8 Official
    codes = set(CertificationRecord.objects.filter(person__volunteer_id="81000006").values_list("requirement",
                                                                                                 flat=True))
    assert codes == {"coach_advanced", "coach_intermediate"}
    assert not CertificationRecord.objects.filter(person__volunteer_id="81000005", requirement__startswith="referee")


def test_training_report_finds_its_header_below_the_title_rows(world):
    import_file(sample("volunteers.csv"), "volunteers.csv", world.region, world.rca.user)
    result = import_file(sample("training-report.csv"), "report.csv", world.region, world.rca.user)
    assert result.table.header.row == 5
    assert result.counts == {"create": 5, "update": 0, "skip": 0, "error": 0, "review": 0}
    record = CertificationRecord.objects.get(person__email="lily.wong@example.org", requirement="coach_schoolyard")
    assert record.completed_on.isoformat() == "2026-07-19"
