"""The dashboard's cache never shows stale readiness: every write that
changes readiness replaces the region's stamp in its own transaction, and
the day is part of the key."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse

from coachready.certs.models import CertificationRecord, ReadinessVersion
from coachready.certs.services import verification
from coachready.certs.services.records import record_completion
from coachready.certs.services.versions import bump_readiness_for_people, bump_readiness_version, readiness_stamp
from coachready.teams import services as teams
from coachready.teams.models import CoachAssignment, Team
from tests.certs.conftest import AS_OF, add_coaches
from tests.certs.test_portal_views import PNG
from tests.factories import certify, fully_certified_for_10u, pass_second_factor

ALL_BUT_SAFE_HAVEN = fully_certified_for_10u(without="safe_haven", today=AS_OF)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    for module in ("readiness", "portal", "verify"):
        monkeypatch.setattr(f"coachready.certs.views.{module}.today", lambda: AS_OF)


@pytest.fixture
def coach_on_team(world, season):
    certify(world.coach, ALL_BUT_SAFE_HAVEN)
    team = Team.objects.create(season=season, division="10U", name="Comets")
    CoachAssignment.objects.create(team=team, person=world.coach, role="head_coach")
    bump_readiness_version([world.region])
    return team


def dashboard(client) -> str:  # noqa: ANN001
    response = client.get(reverse("certs:readiness", args=[60]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_verified_upload_changes_the_dashboard_at_once(login, world, coach_on_team):
    admin = login(world.rca)
    assert "<strong>Safe Haven</strong>: Missing" in dashboard(admin)
    assert "<strong>Safe Haven</strong>: Missing" in dashboard(admin)  # now served from the cache

    coach = Client()
    coach.force_login(world.coach.user)
    upload = coach.post(reverse("certs:upload"), {
        "requirement": "safe_haven", "completed_on": "2026-08-01", "evidence": SimpleUploadedFile("c.png", PNG),
    })
    assert upload.status_code == 302
    # Pending verification does not count yet.
    assert "<strong>Safe Haven</strong>: Missing" in dashboard(admin)

    record = CertificationRecord.objects.get(person=world.coach, requirement="safe_haven")
    assert admin.post(reverse("certs:approve", args=[60, record.pk])).status_code == 302
    body = dashboard(admin)
    assert "<strong>Safe Haven</strong>" not in body
    assert '<span class="badge badge-ready">Ready</span>' in body


def test_an_ended_assignment_leaves_the_dashboard_at_once(login, world, coach_on_team):
    admin = login(world.rca)
    assert "1 coach assignment " in dashboard(admin)
    assignment = CoachAssignment.objects.get(team=coach_on_team)
    admin.post(reverse("teams:end_assignment", args=[60, coach_on_team.pk, assignment.pk]))
    assert "0 coach assignments" in dashboard(admin)


def test_the_day_is_part_of_the_key(login, world, coach_on_team, monkeypatch):
    admin = login(world.rca)
    assert "on 2026-08-15" in dashboard(admin)
    monkeypatch.setattr("coachready.certs.views.readiness.today", lambda: date(2026, 8, 16))
    assert "on 2026-08-16" in dashboard(admin)


def test_filters_and_pages_are_cached_apart(login, world, season):
    add_coaches(season, 4, as_of=AS_OF)
    admin = login(world.rca)
    url = reverse("certs:readiness", args=[60])
    assert "4 listed" in admin.get(url).content.decode()
    assert "2 listed" in admin.get(url, {"status": "not_ready"}).content.decode()
    assert "4 listed" in admin.get(url).content.decode()
    assert "2 listed" in admin.get(url, {"status": "ready"}).content.decode()


def _pending_upload(world):
    return record_completion(world.coach, "safe_haven", date(2026, 8, 1), source="upload", verified=False)


WRITES = {
    "record created": lambda world, team: record_completion(world.coach, "concussion", date(2026, 8, 1),
                                                            source="manual", user=world.rca.user),
    "upload verified": lambda world, team: verification.approve(_pending_upload(world), user=world.rca.user,
                                                                today=AS_OF),
    "upload rejected": lambda world, team: verification.reject(_pending_upload(world), user=world.rca.user,
                                                               reason="Blurred"),
    "coach assigned with override": lambda world, team: teams.assign_coach(
        team, world.referee, "assistant_coach", user=world.rca.user, as_of=AS_OF, override_reason="Short-handed"),
    "assignment ended": lambda world, team: teams.end_assignment(
        CoachAssignment.objects.get(team=team), user=world.rca.user, on=AS_OF),
    "team created": lambda world, team: teams.create_team(team.season, division="12U", name="Rockets",
                                                          user=world.rca.user),
    "season created": lambda world, team: teams.create_season(
        world.region, membership_year=2027, term="spring", starts_on=date(2028, 2, 1),
        first_game_on=date(2028, 3, 1), ends_on=date(2028, 6, 1), user=world.rca.user),
}


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_every_readiness_write_replaces_the_stamp(world, coach_on_team, write):
    before = readiness_stamp(world.region)
    WRITES[write](world, coach_on_team)
    assert readiness_stamp(world.region) != before
    assert readiness_stamp(world.other_region) == readiness_stamp(world.other_region)


def test_a_rolled_back_write_keeps_the_stamp(world, coach_on_team):
    before = readiness_stamp(world.region)
    with pytest.raises(RuntimeError), transaction.atomic():
        record_completion(world.coach, "concussion", date(2026, 8, 1), source="manual")
        raise RuntimeError("the rest of the write failed")
    assert readiness_stamp(world.region) == before


def test_people_bump_their_home_region_and_the_regions_they_coach_in(world, season):
    guest_team = Team.objects.create(season=season, division="10U", name="Guests")
    visitor = world.other_rca
    CoachAssignment.objects.create(team=guest_team, person=visitor, role="assistant_coach")
    before = {r.pk: readiness_stamp(r) for r in (world.region, world.other_region)}
    bump_readiness_for_people([visitor.pk])
    assert all(readiness_stamp(r) != before[r.pk] for r in (world.region, world.other_region))


def test_bumping_creates_missing_stamps_and_ignores_nothing(world):
    assert not ReadinessVersion.objects.exists()
    bump_readiness_version([world.region.pk, world.other_region, None])
    assert ReadinessVersion.objects.count() == 2
    bump_readiness_version([])
    assert ReadinessVersion.objects.count() == 2


def test_whole_pages_are_kept_per_session(login, world, coach_on_team):
    admin = login(world.rca)
    first = dashboard(admin)
    assert dashboard(admin) == first  # the same session: the same page, token and all
    other = Client()
    other.force_login(world.rc.user)
    pass_second_factor(other, world.rc.user)
    theirs = dashboard(other)
    assert theirs != first and dashboard(other) == theirs


def test_a_waiting_message_is_shown_not_a_kept_page(login, world, coach_on_team):
    admin = login(world.rca)
    assignment = CoachAssignment.objects.get(team=coach_on_team)
    end = reverse("teams:end_assignment", args=[60, coach_on_team.pk, assignment.pk])
    admin.post(end)
    dashboard(admin)  # shows and spends the success message
    kept = dashboard(admin)
    admin.post(end)  # refused: nothing changes, but a message waits
    assert "already ended" not in kept
    assert "This assignment has already ended." in dashboard(admin)
