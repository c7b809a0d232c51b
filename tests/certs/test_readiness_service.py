"""The readiness service: one verdict, bulk rows in a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.certs.services.readiness import band_of, region_rows, season_rows, summarise, verdict_for
from coachready.teams.models import CoachAssignment
from tests.certs.conftest import AS_OF, add_coaches
from tests.factories import certify, fully_certified_for_10u, give_record


def test_verdict_for_fully_certified_coach(world):
    certify(world.coach, fully_certified_for_10u(today=AS_OF))
    verdict = verdict_for(world.coach, "10U", "head_coach", AS_OF)
    assert verdict.eligible
    assert verdict.unmet == ()


def test_verdict_for_counts_only_verified_records(world):
    certify(world.coach, fully_certified_for_10u(today=AS_OF))
    give_record(world.coach, "coach_12u", date(2026, 1, 1), status="pending")
    verdict = verdict_for(world.coach, "12U", "head_coach", AS_OF)
    assert verdict.unmet == ("coach_12u",)


def test_season_rows_name_what_is_missing(world, season):
    add_coaches(season, 4, as_of=AS_OF)
    rows = season_rows(season, AS_OF)
    assert len(rows) == 4
    assert sum(r.eligible for r in rows) == 2
    missing = [r for r in rows if not r.eligible][0]
    assert "coach_10u" in missing.unmet
    assert missing.as_report()["unmet"] == list(missing.unmet)


def test_ended_assignments_are_left_out(world, season):
    add_coaches(season, 2, as_of=AS_OF)
    CoachAssignment.objects.filter(team__season=season).update(status="ended")
    assert season_rows(season, AS_OF) == []


@pytest.mark.parametrize("n", [3, 9])
def test_bulk_rows_take_a_fixed_number_of_queries(world, season, n, django_assert_num_queries):
    add_coaches(season, n, as_of=AS_OF)
    # The coaches on teams, the roles awaiting one, the records.
    with django_assert_num_queries(3):
        rows = region_rows(world.region, AS_OF)
    assert len(rows) == n


@pytest.mark.parametrize(
    ("lapse_in_days", "band"),
    [(None, "ready"), (10, "due_30"), (30, "due_30"), (31, "due_60"), (75, "due_90"), (91, "ready")],
)
def test_due_soon_bands(lapse_in_days, band):
    from datetime import timedelta

    class V:
        eligible = True
        earliest_lapse = None if lapse_in_days is None else AS_OF + timedelta(days=lapse_in_days)

    assert band_of(V, AS_OF) == band


def test_summary_counts_per_division(world, season):
    add_coaches(season, 4, division="10U", as_of=AS_OF)
    add_coaches(season, 1, division="12U", as_of=AS_OF)
    summary = summarise(season_rows(season, AS_OF), world.region.policy().divisions)
    by_division = {s["division"]: s for s in summary}
    assert by_division["10U"]["total"] == 4
    assert by_division["10U"]["not_ready"] == 2
    assert by_division["12U"]["not_ready"] == 1
