from __future__ import annotations

from datetime import date

import pytest

from coachready.org.models import Role
from coachready.teams.models import CoachAssignment, Season, Team
from tests.factories import give_role, make_person


@pytest.fixture
def season(world):
    return Season.objects.create(
        region=world.region, membership_year=2026, starts_on=date(2026, 8, 15),
        first_game_on=date(2026, 9, 12), ends_on=date(2026, 12, 12),
    )


@pytest.fixture
def team14(world, season):
    """A Region 60 14U team coached by the world's coach."""
    team = Team.objects.create(season=season, division="14U", name="Galaxy")
    CoachAssignment.objects.create(team=team, person=world.coach, role="head_coach")
    return team


@pytest.fixture
def team10(world, season):
    team = Team.objects.create(season=season, division="10U", name="Comets")
    CoachAssignment.objects.create(team=team, person=world.coach, role="head_coach")
    return team


@pytest.fixture
def other_coach(world, season):
    """Coach of another Region 60 team."""
    person = make_person(world.region, "Olive", "Othercoach")
    give_role(person, Role.COACH, region=world.region)
    team = Team.objects.create(season=season, division="14U", name="Rockets")
    CoachAssignment.objects.create(team=team, person=person, role="head_coach")
    return person
