"""The School Yard curriculum and season planner (CONTRACTS.md 4, DOMAIN.md 6)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachready.rules import InputError, load_curriculum, plan_season
from coachready.rules.codes import SKILLS

START = date(2026, 9, 12)  # a Saturday


def test_curriculum_is_ten_building_weeks() -> None:
    curriculum = load_curriculum()
    assert [week.week for week in curriculum.weeks] == list(range(1, 11))
    covered: set[str] = set()
    for week in curriculum.weeks:
        assert week.title and week.focus
        assert set(week.skills) <= set(SKILLS)
        assert 3 <= len(week.activities) <= 5
        assert 45 <= week.minutes <= 70  # about an hour
        assert week.activities[-1].game and "game" in week.activities[-1].name.lower()
        for activity in week.activities:
            assert activity.minutes > 0
            assert len(activity.description) > 80  # enough to run it from
            assert activity.setup and activity.coaching_points and activity.easier and activity.harder
        covered |= set(week.skills)
    assert covered == set(SKILLS)
    assert set(curriculum.weeks[-1].skills) == set(SKILLS)


def test_ten_weeks_in_order() -> None:
    plan = plan_season(START, 10).to_dict()
    sessions = plan["sessions"]
    assert [s["number"] for s in sessions] == list(range(1, 11))
    assert [s["week"] for s in sessions] == list(range(1, 11))
    assert [s["date"] for s in sessions] == [(START + timedelta(weeks=i)).isoformat() for i in range(10)]
    first = sessions[0]
    assert set(first) >= {"number", "date", "week", "title", "skills", "activities"}
    assert set(first["activities"][0]) >= {"name", "minutes", "description"}
    assert plan["repeated_weeks"] == [] and plan["skipped"] == []


def test_skipped_date_moves_that_session_and_the_rest() -> None:
    plan = plan_season(START, 10, skip=[date(2026, 10, 10)])
    dates = [s.date for s in plan.sessions]
    assert dates[:4] == [START + timedelta(weeks=i) for i in range(4)]
    assert dates[4] == date(2026, 10, 17)
    assert dates[-1] == START + timedelta(weeks=10)
    assert [s.week.week for s in plan.sessions] == list(range(1, 11))
    assert plan.skipped == (date(2026, 10, 10),)


def test_consecutive_skips_and_a_skipped_start() -> None:
    plan = plan_season(START, 3, skip=[START, START + timedelta(weeks=1)])
    assert [s.date for s in plan.sessions] == [START + timedelta(weeks=i) for i in (2, 3, 4)]


def test_a_longer_season_repeats_and_says_which() -> None:
    plan = plan_season(START, 12).to_dict()
    assert [s["week"] for s in plan["sessions"]] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2]
    assert [s["repeats"] for s in plan["sessions"]][-3:] == [None, 1, 2]
    assert plan["sessions"][10]["note"].startswith("Repeats week 1")
    assert plan["repeated_weeks"] == [1, 2]


def test_a_coach_can_repeat_a_week() -> None:
    plan = plan_season(START, 10, repeat=[3])
    assert [s.week.week for s in plan.sessions] == [1, 2, 3, 3, 4, 5, 6, 7, 8, 9]
    assert plan.sessions[3].repeats == 3
    assert plan.repeated_weeks == (3,)


@pytest.mark.parametrize("weeks", [1, 52])
def test_season_length_limits(weeks: int) -> None:
    assert len(plan_season(START, weeks).sessions) == weeks


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"weeks": 0}, "weeks"),
        ({"weeks": 53}, "weeks"),
        ({"weeks": 10, "skip": [date(2026, 10, 11)]}, "skip[0]"),  # a Sunday
        ({"weeks": 10, "skip": [START, date(2026, 9, 5)]}, "skip[1]"),  # before the start
        ({"weeks": 10, "repeat": [11]}, "repeat[0]"),
    ],
)
def test_invalid_plans(kwargs: dict, path: str) -> None:
    with pytest.raises(InputError) as caught:
        plan_season(START, **kwargs)
    assert (caught.value.code, caught.value.path) == ("invalid_value", path)


@pytest.mark.parametrize(("start", "weeks", "skip", "path"), [
    (date(9999, 12, 25), 1, (), "start"),
    (date(1899, 12, 30), 1, (), "start"),
    (date(2200, 12, 2), 10, (), "start"),  # its last sessions would fall in 2201
    (date(2026, 9, 12), 3, (date(9999, 12, 18),), "skip[0]"),
])
def test_seasons_outside_the_years_read_are_contract_errors(start, weeks, skip, path) -> None:
    with pytest.raises(InputError) as caught:
        plan_season(start, weeks, skip)
    assert (caught.value.code, caught.value.path) == ("invalid_date", path)
