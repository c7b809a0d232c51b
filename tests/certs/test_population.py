"""The season's population: every volunteer holding a coaching role with a
division in the region is on the readiness pages and in the report, on a
team or awaiting one, from the day they are imported. A referee who coaches
nothing is not."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coachready.certs.services.readiness import region_rows
from coachready.org.models import Person, Role
from coachready.teams import services as teams
from coachready.teams.models import Season, Team
from tests.factories import give_role, make_person

TODAY = timezone.localdate()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


# Every coach needs these (the seed page: "All Coaches require the following
# regardless of the division"), spelled as legacy exports spell them.
EVERY_COACH = [
    ("Z-Online AYSOs Safe Haven", ago(900), ""),
    ("CDC Concussion Awareness Training", ago(900), ""),
    ("Sudden Cardiac Arrest Training", ago(900), ""),
    ("SafeSport Trained - U.S. Soccer Federation", ago(200), ""),
    ("Volunteer Background Check", ago(60), "Green"),
    ("LiveScan", ago(900), ""),
    ("Regional Referee Course", ago(900), ""),
]
VOLUNTEERS = [
    # Admin_ID, last, first, roles, their courses beyond EVERY_COACH (or instead of SafeSport).
    ("71000001", "Alvarez", "Ana", "Coach (10U)", [("U-10 Coach", ago(700), "")]),
    # Advanced counts for Intermediate (the seed page: upper levels build upon each other).
    ("71000002", "Brown", "Ben", "Coach (14U)", [("Advanced (16U/19U) Coach", ago(400), "")]),
    ("71000003", "Cruz", "Cara", "Assistant Coach (12U)", [("U-12 Coach", ago(300), "")]),
    # Intermediate does not make a 16U coach.
    ("71000004", "Diaz", "Dan", "Coach (16U)", [("Intermediate Coach (14U)", ago(500), "")]),
    ("71000005", "Reyes", "Rita", "Referee", [("Intermediate Referee Course", ago(500), "")]),
]
# What the seed page's rules say of each, before any team exists.
EXPECTED = {
    "71000001": ("10U", "head_coach", True, []),
    "71000002": ("14U", "head_coach", True, []),
    "71000003": ("12U", "assistant_coach", False, ["safesport"]),
    "71000004": ("16U", "head_coach", False, ["coach_advanced"]),
}


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def imported(world, tmp_path):
    """The volunteers and their course history, through the real importer."""
    people = tmp_path / "volunteers.csv"
    people.write_bytes(_csv([
        ["Admin_ID", "Last_Name", "First_Name", "Email", "Birth_Date", "Region", "Roles"],
        *[[vid, last, first, f"{first.lower()}@example.org", "1985-04-01", "60", roles]
          for vid, last, first, roles, _ in VOLUNTEERS],
    ]))
    records = tmp_path / "records.csv"
    rows = [["Admin_ID", "Last_Name", "First_Name", "Course", "Completion_Date", "Risk_Status"]]
    for vid, last, first, _roles, own in VOLUNTEERS:
        history = EVERY_COACH + own
        if vid == "71000003":  # SafeSport taken four years ago: lapsed (valid 36 months).
            history = [h if not h[0].startswith("SafeSport") else (h[0], ago(4 * 365), "") for h in history]
        rows += [[vid, last, first, course, done, risk] for course, done, risk in history]
    records.write_bytes(_csv(rows))
    for path in (people, records):
        call_command("import", str(path), "--region", "60", stdout=io.StringIO())
    return {p.volunteer_id: p for p in Person.objects.filter(volunteer_id__startswith="710000")}


def report(*args: str) -> dict:
    out = io.StringIO()
    call_command("readiness-report", "--region", "60", "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_imported_coaches_are_in_the_report_before_any_team_exists(imported):
    assert not Season.objects.exists() and not Team.objects.exists()
    rows = report()["rows"]
    by_id = {r["volunteer_id"]: r for r in rows}
    assert set(by_id) == set(EXPECTED)  # Rita referees only: not a coach
    assert len(rows) == len(EXPECTED)
    for vid, (division, role, eligible, unmet) in EXPECTED.items():
        row = by_id[vid]
        assert (row["division"], row["role"], row["eligible"], row["unmet"]) == (division, role, eligible, unmet)
        assert row["team"] is None and row["region"] == 60
        assert row["status"] == ("ready" if eligible else "not_ready")
    assert set(by_id["71000001"]) == {"person", "volunteer_id", "team", "division", "role", "eligible", "unmet",
                                      "earliest_lapse", "status", "region"}
    # The background check (12 months) lapses first.
    assert date.fromisoformat(by_id["71000001"]["earliest_lapse"]) > TODAY


def test_one_row_per_role_and_division(world):
    both = make_person(world.region, "Bo", "Both", user=False, volunteer_id="72000001")
    give_role(both, Role.COACH, region=world.region, division="10U")
    give_role(both, Role.ASSISTANT_COACH, region=world.region, division="12U")
    give_role(both, Role.COACH, region=world.region, division="10U", start_on=date(2021, 1, 1))  # recorded twice
    rows = report()["rows"]
    assert [(r["division"], r["role"]) for r in rows] == [("10U", "head_coach"), ("12U", "assistant_coach")]


@pytest.mark.parametrize(
    ("role", "division", "listed"),
    [
        (Role.COACH, "10U", True),
        (Role.ASSISTANT_COACH, "8U", True),
        (Role.COACH, "", False),  # a coaching role with no division: no division to be ready for
        (Role.REFEREE, "10U", False),
        (Role.INSTRUCTOR, "", False),
    ],
)
def test_who_is_in_the_population(world, role, division, listed):
    person = make_person(world.region, "Pat", "Table", user=False, volunteer_id="73000001")
    give_role(person, role, region=world.region, division=division)
    assert any(r["volunteer_id"] == "73000001" for r in report()["rows"]) is listed


def test_ended_roles_and_other_regions_are_left_out(world):
    ended = make_person(world.region, "Ed", "Ended", user=False, volunteer_id="74000001")
    give_role(ended, Role.COACH, region=world.region, division="10U", end_on=TODAY - timedelta(days=1))
    elsewhere = make_person(world.other_region, "Olga", "Other", user=False, volunteer_id="74000002")
    give_role(elsewhere, Role.COACH, region=world.other_region, division="10U")
    assert report()["rows"] == []


def _season(region) -> Season:
    return Season.objects.create(
        region=region, membership_year=TODAY.year, term="fall", starts_on=TODAY - timedelta(days=10),
        first_game_on=TODAY + timedelta(days=20), ends_on=TODAY + timedelta(days=120),
    )


def test_assigning_a_team_carries_the_readiness(world, imported):
    before = {r.person_id: r for r in region_rows(world.region, TODAY)}
    ana = imported["71000001"]
    team = teams.create_team(_season(world.region), division="10U", name="Comets", user=world.rca.user)
    teams.assign_coach(team, ana, "head_coach", user=world.rca.user, as_of=TODAY)
    after = [r for r in region_rows(world.region, TODAY) if r.person_id == ana.pk]
    assert len(after) == 1  # the team row, no longer a second "awaiting" row
    row = after[0]
    assert row.on_team and row.team == "Comets" and row.assignment_status == "active"
    assert (row.eligible, row.unmet, row.earliest_lapse) == (
        before[ana.pk].eligible, before[ana.pk].unmet, before[ana.pk].earliest_lapse)
    assert not before[ana.pk].on_team and before[ana.pk].assignment_status == "awaiting_team"


def test_a_team_in_another_division_leaves_the_role_awaiting(world, imported):
    ana = imported["71000001"]
    team = Team.objects.create(season=_season(world.region), division="12U", name="Rockets")
    teams.assign_coach(team, ana, "assistant_coach", user=world.rca.user, as_of=TODAY,
                       override_reason="Short-handed")
    places = sorted((r.division, r.on_team) for r in region_rows(world.region, TODAY) if r.person_id == ana.pk)
    assert places == [("10U", False), ("12U", True)]


def test_the_dashboard_lists_coaches_awaiting_a_team_with_no_season(login, world, imported):
    body = login(world.rca).get(reverse("certs:readiness", args=[60])).content.decode()
    assert "No season yet" in body
    assert "4 coaches awaiting a team." in body
    assert body.count("awaiting a team</span>") == 4
    assert "Rita" not in body


def test_the_dashboard_marks_who_is_on_a_team_and_who_awaits_one(login, world, imported):
    team = Team.objects.create(season=_season(world.region), division="10U", name="Comets")
    teams.assign_coach(team, imported["71000001"], "head_coach", user=world.rca.user, as_of=TODAY)
    admin = login(world.rca)
    body = admin.get(reverse("certs:readiness", args=[60])).content.decode()
    assert "1 coach assignment on" in body and "3 coaches awaiting a team." in body
    assert "10U Comets" in body
    waiting = admin.get(reverse("certs:readiness", args=[60]), {"status": "awaiting_team"})
    assert waiting.context["listed_count"] == 3
    export = admin.get(reverse("certs:readiness", args=[60]), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert sorted((r["volunteer_id"], r["team"]) for r in rows) == [
        ("71000001", "Comets"), ("71000002", ""), ("71000003", ""), ("71000004", "")]


def test_the_compliance_view_counts_coaches_awaiting_a_team(login, world, imported):
    response = login(world.rca).get(reverse("certs:compliance", args=[60]),
                                    {"requirement": "safesport", "show": "incomplete"})
    imported = [p for p in response.context["people"] if p.volunteer_id.startswith("710000")]
    assert [(p.volunteer_id, p.awaiting_team) for p in imported] == [("71000003", True)]
    assert "awaiting a team</span>" in response.content.decode()
    entries = {e.code: e for e in response.context["entries"]}
    assert {p.volunteer_id for p in entries["coach_advanced"].incomplete} == {"71000004"}
    # Rita referees: she counts for what every volunteer on the field shares.
    assert "71000005" in {p.volunteer_id for p in entries["safe_haven"].complete}
