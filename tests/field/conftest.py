from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from coachready.heading.models import Player
from coachready.org.models import Role
from coachready.teams.models import CoachAssignment, Season, Team
from tests.factories import give_role, make_person


@pytest.fixture
def season(world):
    today = timezone.localdate()
    return Season.objects.create(region=world.region, membership_year=today.year, starts_on=today - timedelta(days=40),
                                 first_game_on=today - timedelta(days=20), ends_on=today + timedelta(days=60))


@pytest.fixture
def team14(world, season):
    """A Region 60 14U team coached by the world's coach, with two players."""
    team = Team.objects.create(season=season, division="14U", name="Galaxy")
    CoachAssignment.objects.create(team=team, person=world.coach, role="head_coach")
    Player.objects.create(team=team, local_id="p-1", display_name="Ana")
    Player.objects.create(team=team, local_id="p-2", display_name="Bo")
    return team


@pytest.fixture
def rockets(world, season):
    """Another coach's 14U team in the same region."""
    person = make_person(world.region, "Olive", "Othercoach")
    give_role(person, Role.COACH, region=world.region)
    team = Team.objects.create(season=season, division="14U", name="Rockets")
    CoachAssignment.objects.create(team=team, person=person, role="head_coach")
    Player.objects.create(team=team, local_id="p-1", display_name="Cy")
    return team


