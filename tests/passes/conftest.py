"""Casey Coach, cleared to head-coach a 10U team in a season running today."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from coachready.teams.models import CoachAssignment, Season, Team
from tests.factories import certify

SEASON_DAYS_LEFT = 120


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def season(world, today):
    return Season.objects.create(
        region=world.region, membership_year=today.year, term=Season.Term.FALL,
        starts_on=today - timedelta(days=60), first_game_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=SEASON_DAYS_LEFT),
    )


@pytest.fixture
def team(season):
    return Team.objects.create(season=season, division="10U", name="Comets")


@pytest.fixture
def cleared_coach(world, team):
    coach = world.coach
    coach.volunteer_id = "71234567"
    coach.save(update_fields=["volunteer_id"])
    certify(coach)
    CoachAssignment.objects.create(team=team, person=coach, role=CoachAssignment.Role.HEAD_COACH)
    return coach
