"""A season with teams and coaches for the readiness pages."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.certs.services.versions import bump_readiness_version
from coachready.teams.models import CoachAssignment, Season, Team
from tests.factories import certify, fully_certified_for_10u, make_person

AS_OF = date(2026, 8, 15)


def make_season(region, year=2026) -> Season:
    return Season.objects.create(
        region=region, membership_year=year, term="fall", starts_on=date(year, 8, 1),
        first_game_on=date(year, 9, 12), ends_on=date(year, 12, 15),
    )


def add_coaches(season: Season, n: int, *, division="10U", ready_every=2, as_of=None) -> list:
    """`n` teams in `division`, each with a head coach; every `ready_every`th
    is fully certified on `as_of` (default: today)."""
    people = []
    for i in range(n):
        team = Team.objects.create(season=season, division=division, name=f"{division} Team {Team.objects.count()}")
        person = make_person(season.region, "Kim", f"Coach{i}", user=False, volunteer_id=f"V{season.pk}{team.pk}")
        if i % ready_every == 0:
            certify(person, fully_certified_for_10u(today=as_of))
        CoachAssignment.objects.create(team=team, person=person, role="head_coach")
        people.append(person)
    # Written straight to the tables, as a bulk import would: say so, as it must.
    bump_readiness_version([season.region_id])
    return people


@pytest.fixture
def season(world):
    return make_season(world.region)
