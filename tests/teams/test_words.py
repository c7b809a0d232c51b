"""Divisions and teams in words: "10U", "School Yard", "10U Blue Hawks" —
one division_label and one team_label on every page."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.urls import reverse

from coachready.org.models import Role
from coachready.teams.labels import division_label, team_label
from coachready.teams.models import CoachAssignment, Team
from tests.factories import give_role


@pytest.mark.parametrize(("code", "words"), [
    ("10U", "10U"),
    ("19U", "19U"),
    ("schoolyard", "School Yard"),
    ("", ""),
    (None, ""),
])
def test_division_label(code, words):
    assert division_label(code) == words


@pytest.mark.parametrize(("division", "name", "words"), [
    ("10U", "Blue Hawks", "10U Blue Hawks"),
    ("10U", "10U Blue Hawks", "10U Blue Hawks"),
    ("10U", "10u - Blue Hawks", "10U Blue Hawks"),
    ("schoolyard", "Red Robins", "School Yard Red Robins"),
    ("schoolyard", "schoolyard Red Robins", "School Yard Red Robins"),
    ("schoolyard", "School Yard Red Robins", "School Yard Red Robins"),
])
def test_team_label(division, name, words):
    assert team_label(SimpleNamespace(division=division, name=name)) == words


@pytest.fixture
def teams(season):
    return (Team.objects.create(season=season, division="10U", name="10U Blue Hawks"),
            Team.objects.create(season=season, division="schoolyard", name="Red Robins"))


def test_team_is_named_once_wherever_it_is_shown(login, world, season, teams):
    hawks, robins = teams
    CoachAssignment.objects.create(team=hawks, person=world.coach, role="head_coach")
    give_role(world.coach, Role.COACH, region=world.region, division="10U")
    client = login(world.rca)
    pages = [
        reverse("teams:team", args=[60, hawks.pk]),
        reverse("teams:season", args=[60, season.pk]),
        reverse("certs:readiness", args=[60]) + f"?season={season.pk}",
        reverse("org:person", args=[world.coach.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "10U Blue Hawks" in html, url
        assert "10U 10U" not in html, url
    season_page = client.get(reverse("teams:season", args=[60, season.pk])).content.decode()
    assert "School Yard Red Robins" in season_page
    assert ">schoolyard<" not in season_page


def test_school_yard_is_named_in_words_on_the_checklist(login, world):
    html = login(world.coach).get(reverse("certs:checklist") + "?division=schoolyard&role=head_coach").content.decode()
    assert "steps to go for School Yard" in html
    assert "course; School Yard needs it." in html
    assert not re.search(r">[^<]*\bschoolyard\b", html)


@pytest.mark.parametrize(("code", "words"), [
    ("missing", "Missing"), ("due_soon", "Due soon"), ("pending", "Pending verification"), ("exempt", "Exempt"),
])
def test_status_label(code, words):
    from coachready.certs.labels import status_label

    assert status_label(code) == words


def test_the_dashboard_names_what_is_missing_in_words(login, world, season, teams):
    hawks, _ = teams
    CoachAssignment.objects.create(team=hawks, person=world.coach, role="head_coach")
    html = login(world.rca).get(reverse("certs:readiness", args=[60]) + f"?season={season.pk}").content.decode()
    assert "</strong>: Missing</li>" in html
    assert "</strong>: missing</li>" not in html
