"""Seasons, teams and the assignment gate, for region administrators only."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coachready.certs.services.versions import bump_readiness_version
from coachready.org.models import AuditEntry
from coachready.teams.models import CoachAssignment, Season, Team
from tests.certs.conftest import add_coaches
from tests.factories import certify, fully_certified_for_10u, make_person


@pytest.fixture
def team(season):
    return Team.objects.create(season=season, division="10U", name="Lightning")


def pages(world, season, team):
    return [
        reverse("teams:seasons", args=[60]),
        reverse("teams:season", args=[60, season.pk]),
        reverse("teams:team", args=[60, team.pk]),
    ]


@pytest.mark.parametrize("persona", ["rca", "rc"])
def test_region_admins_see_team_pages(login, world, season, team, persona):
    client = login(getattr(world, persona))
    for url in pages(world, season, team):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(("persona", "status"), [("coach", 403), ("other_rca", 403), (None, 302)])
def test_outsiders_refused(login, world, season, team, persona, status):
    client = login(getattr(world, persona) if persona else None)
    for url in pages(world, season, team):
        assert client.get(url).status_code == status, url
    assert client.post(reverse("teams:team", args=[60, team.pk]),
                       {"person": world.coach.pk, "role": "head_coach"}).status_code == status
    assert not CoachAssignment.objects.exists()


def test_team_of_another_region_is_404_under_this_region(login, world, season, team):
    assert login(world.other_rca).get(reverse("teams:team", args=[61, team.pk])).status_code == 404


def test_create_season_and_team(login, world):
    client = login(world.rca)
    response = client.post(reverse("teams:seasons", args=[60]), {
        "membership_year": 2027, "term": "fall", "starts_on": "2027-08-01", "first_game_on": "2027-09-11",
        "ends_on": "2027-12-15",
    })
    season = Season.objects.get(membership_year=2027)
    assert response.status_code == 302
    response = client.post(reverse("teams:season", args=[60, season.pk]), {"division": "8U", "name": "Comets"})
    assert response.status_code == 302
    assert Team.objects.get(season=season).division == "8U"
    assert AuditEntry.objects.filter(action="teams.team.created").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"membership_year": 2027, "term": "fall", "starts_on": "2027-08-01", "first_game_on": "2028-01-01",
          "ends_on": "2027-12-15"}, "first_game_on"),
        ({"membership_year": 2027, "term": "fall", "starts_on": "2027-08-01", "first_game_on": "2027-08-01",
          "ends_on": "2027-07-15"}, "ends_on"),
        ({"membership_year": 2026, "term": "fall", "starts_on": "2026-08-01", "first_game_on": "2026-09-01",
          "ends_on": "2026-12-15"}, "term"),
        ({"membership_year": 99, "term": "fall", "starts_on": "2026-08-01", "first_game_on": "2026-09-01",
          "ends_on": "2026-12-15"}, "membership_year"),
    ],
)
def test_bad_season_input(login, world, season, fields, field):
    response = login(world.rca).post(reverse("teams:seasons", args=[60]), fields)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Season.objects.count() == 1


@pytest.mark.parametrize(("fields", "field"), [({"division": "11U", "name": "A"}, "division"),
                                               ({"division": "8U", "name": "Lightning"}, "name"),
                                               ({"division": "8U", "name": "  "}, "name")])
def test_bad_team_input(login, world, season, team, fields, field):
    response = login(world.rca).post(reverse("teams:season", args=[60, season.pk]), fields)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Team.objects.count() == 1


def test_ready_coach_is_assigned(login, world, season, team):
    certify(world.coach)
    client = login(world.rca)
    page = client.get(reverse("teams:team", args=[60, team.pk]), {"person": world.coach.pk})
    assert page.context["verdict"].eligible
    response = client.post(reverse("teams:team", args=[60, team.pk]), {"person": world.coach.pk,
                                                                        "role": "head_coach"})
    assert response.status_code == 302
    assignment = CoachAssignment.objects.get()
    assert assignment.override_reason == ""
    assert AuditEntry.objects.filter(action="teams.assignment.created").exists()
    assert not AuditEntry.objects.filter(action="teams.assignment.overridden").exists()


def test_not_ready_coach_is_refused_with_reasons(login, world, season, team):
    certify(world.coach, fully_certified_for_10u(without="coach_10u"))
    response = login(world.rca).post(reverse("teams:team", args=[60, team.pk]),
                                     {"person": world.coach.pk, "role": "head_coach"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "10U Coach" in body and "written override reason" in body
    assert not CoachAssignment.objects.exists()


def test_override_assigns_and_team_shows_coach_not_ready(login, world, season, team):
    client = login(world.rca)
    response = client.post(reverse("teams:team", args=[60, team.pk]), {
        "person": world.coach.pk, "role": "head_coach",
        "override_reason": "Enrolled in the 10U class on 5 September; no other volunteer.",
    })
    assert response.status_code == 302
    assignment = CoachAssignment.objects.get()
    assert assignment.overridden_by == world.rca.user
    entry = AuditEntry.objects.get(action="teams.assignment.overridden")
    assert "Enrolled" in entry.data["reason"]
    season_page = client.get(reverse("teams:season", args=[60, season.pk])).content.decode()
    assert "Coach not ready" in season_page
    certify(world.coach)
    # The factory writes straight to the table, as an import does; such writers announce it.
    bump_readiness_version([world.region])
    season_page = client.get(reverse("teams:season", args=[60, season.pk])).content.decode()
    assert "Coach not ready" not in season_page and "badge-ready" in season_page


def test_person_of_another_region_cannot_be_assigned(login, world, season, team):
    response = login(world.rca).post(reverse("teams:team", args=[60, team.pk]),
                                     {"person": world.other_rca.pk, "role": "head_coach", "override_reason": "x"})
    assert response.status_code == 404
    assert not CoachAssignment.objects.exists()


def test_second_head_coach_refused_and_end_assignment(login, world, season, team):
    certify(world.coach)
    other = make_person(world.region, "Second", "Head")
    certify(other)
    client = login(world.rca)
    client.post(reverse("teams:team", args=[60, team.pk]), {"person": world.coach.pk, "role": "head_coach"})
    response = client.post(reverse("teams:team", args=[60, team.pk]), {"person": other.pk, "role": "head_coach"})
    assert response.status_code == 400 and "already has a head coach" in response.content.decode()
    first = CoachAssignment.objects.get()
    client.post(reverse("teams:end_assignment", args=[60, team.pk, first.pk]))
    first.refresh_from_db()
    assert first.status == "ended"
    assert AuditEntry.objects.filter(action="teams.assignment.ended").exists()
    response = client.post(reverse("teams:team", args=[60, team.pk]), {"person": other.pk, "role": "head_coach"})
    assert response.status_code == 302


@pytest.mark.parametrize("cached", [False, True], ids=["computed", "cached"])
def test_team_list_query_count_is_constant(login, world, season, cached, django_assert_max_num_queries):
    from django.core.cache import cache

    client = login(world.rca)
    url = reverse("teams:season", args=[60, season.pk])
    add_coaches(season, 3)
    client.get(url)

    def measured():
        if not cached:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return response, len(queries.captured_queries)

    _, small = measured()
    add_coaches(season, 9)
    client.get(url)
    with django_assert_max_num_queries(small):
        response, _ = measured()
    assert len(response.context["teams"]) == 12
