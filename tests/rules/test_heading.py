"""Heading: match restarts (Law 13.2) and practice weeks (CONTRACTS.md 2)."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.rules import (
    FieldSize,
    HeadingSession,
    InputError,
    Spot,
    heading_match,
    heading_practice_week,
    load_policy,
)

FIELD = FieldSize(length=64.0, width=46.0, goal_area_depth=5.5, goal_area_width=18.32)
LOW = 23.0 - 9.16  # goal area edges across the field
HIGH = 23.0 + 9.16


def match(offending_team: str, x: float, y: float, **extra):
    args = {"division": "10U", "deliberate": True, "policy": load_policy(), "field": FIELD}
    args.update(extra)
    return heading_match(offending_team=offending_team, offence=Spot(x, y), **args)


def test_contract_example() -> None:
    ruling = match("home", 3.0, 24.0, player_age=9).to_dict()
    assert ruling["infringement"] is True
    assert ruling["restart"] == "indirect_free_kick"
    assert ruling["awarded_to"] == "away"
    assert ruling["spot"] == {"x": 5.5, "y": 24.0}
    assert ruling["anywhere_in_goal_area"] is False
    assert ruling["misconduct_allowed"] is False
    assert any("Law 13.2" in note for note in ruling["notes"])
    assert any("AYSO heading policy (2016)" in note for note in ruling["notes"])


HOME_CORNERS = [(0.0, LOW), (0.0, HIGH), (5.5, LOW), (5.5, HIGH)]
AWAY_CORNERS = [(64.0, LOW), (64.0, HIGH), (58.5, LOW), (58.5, HIGH)]


@pytest.mark.parametrize(("x", "y"), HOME_CORNERS)
def test_home_header_in_own_goal_area_moves_to_the_line(x: float, y: float) -> None:
    ruling = match("home", x, y)
    assert (ruling.awarded_to, ruling.goal_area, ruling.anywhere_in_goal_area) == ("away", "home", False)
    assert ruling.spot == Spot(5.5, y)


@pytest.mark.parametrize(("x", "y"), AWAY_CORNERS)
def test_away_header_in_own_goal_area_moves_to_the_line(x: float, y: float) -> None:
    ruling = match("away", x, y)
    assert (ruling.awarded_to, ruling.goal_area, ruling.anywhere_in_goal_area) == ("home", "away", False)
    assert ruling.spot == Spot(58.5, y)


@pytest.mark.parametrize(("x", "y"), HOME_CORNERS)
def test_away_header_in_home_goal_area_kick_anywhere(x: float, y: float) -> None:
    ruling = match("away", x, y)
    assert (ruling.awarded_to, ruling.anywhere_in_goal_area) == ("home", True)
    assert ruling.spot == Spot(x, y)
    assert any("anywhere in that area" in note for note in ruling.notes)


@pytest.mark.parametrize(("x", "y"), AWAY_CORNERS)
def test_home_header_in_away_goal_area_kick_anywhere(x: float, y: float) -> None:
    ruling = match("home", x, y)
    assert (ruling.awarded_to, ruling.anywhere_in_goal_area) == ("away", True)
    assert ruling.spot == Spot(x, y)


@pytest.mark.parametrize(
    ("x", "y"),
    [(5.51, 24.0), (3.0, LOW - 0.01), (3.0, HIGH + 0.01), (58.49, 24.0), (32.0, 23.0), (0.0, 0.0), (64.0, 46.0)],
)
@pytest.mark.parametrize("team", ["home", "away"])
def test_outside_the_goal_areas_the_kick_is_where_it_happened(team: str, x: float, y: float) -> None:
    ruling = match(team, x, y)
    assert ruling.goal_area is None
    assert (ruling.spot, ruling.anywhere_in_goal_area) == (Spot(x, y), False)
    assert ruling.awarded_to == ("away" if team == "home" else "home")


@pytest.mark.parametrize(
    ("x", "y", "path"),
    [(-0.1, 10.0, "offence.x"), (64.1, 10.0, "offence.x"), (10.0, -0.1, "offence.y"), (10.0, 46.1, "offence.y")],
)
def test_off_the_field_is_invalid(x: float, y: float, path: str) -> None:
    with pytest.raises(InputError) as caught:
        match("home", x, y)
    assert (caught.value.code, caught.value.path) == ("off_field", path)


def test_accidental_header_is_no_offence() -> None:
    ruling = match("home", 3.0, 24.0, deliberate=False)
    assert (ruling.infringement, ruling.restart, ruling.awarded_to, ruling.spot) == (False, "none", None, None)


@pytest.mark.parametrize(
    ("division", "age", "infringement"),
    [
        ("schoolyard", None, True),
        ("6U", None, True),
        ("8U", None, True),
        ("10U", None, True),
        ("10U", 10, True),
        ("10U", 11, False),  # older than 10: no free kick, even in 10U
        ("12U", None, False),  # 12U players may be 11 or 12: the age decides
        ("12U", 10, True),
        ("12U", 11, False),
        ("14U", None, False),
        ("14U", 10, True),
        ("19U", None, False),
    ],
)
def test_who_gets_a_free_kick(division: str, age: int | None, infringement: bool) -> None:
    ruling = heading_match(
        division=division, offending_team="away", offence=Spot(5.0, 5.0), deliberate=True,
        policy=load_policy(), player_age=age,
    )
    assert ruling.infringement is infringement
    assert ruling.restart == ("indirect_free_kick" if infringement else "none")
    assert ruling.misconduct_allowed is (not infringement)


def test_unrestricted_matches_from_14u_say_so() -> None:
    ruling = heading_match(
        division="16U", offending_team="home", offence=Spot(50.0, 30.0), deliberate=True, policy=load_policy()
    )
    assert ruling.notes == ("There is no restriction on heading in 16U matches (AYSO heading policy (2016)).",)


def test_default_field_per_division() -> None:
    ruling = heading_match(
        division="U10", offending_team="home", offence=Spot(1.0, 23.0), deliberate=True, policy=load_policy()
    )
    assert ruling.spot == Spot(5.5, 23.0)


def test_policy_may_award_a_direct_free_kick_in_8u() -> None:
    policy = load_policy("region-60", {"divisions": {"8U": {"sanction": "direct_free_kick"}}})
    ruling = heading_match(
        division="8U", offending_team="home", offence=Spot(1.0, 11.5), deliberate=True, policy=policy
    )
    assert ruling.restart == "direct_free_kick"
    assert ruling.spot == Spot(1.0, 11.5)  # only an indirect kick is moved out of the goal area


def _week(division: str, *sessions: HeadingSession):
    return heading_practice_week(division, date(2026, 9, 7), sessions, load_policy())


@pytest.mark.parametrize(
    ("minutes", "headers", "violations", "warnings"),
    [
        (30, 15, [], []),
        (31, 15, ["minutes_exceeded"], []),
        (30, 16, [], ["headers_high"]),
        (30, 20, [], ["headers_high"]),
        (30, 21, ["headers_exceeded"], []),
        (45, 25, ["minutes_exceeded", "headers_exceeded"], []),
        (0, 0, [], []),
    ],
)
def test_14u_practice_limits(minutes: int, headers: int, violations: list[str], warnings: list[str]) -> None:
    review = _week(
        "14U",
        HeadingSession(date(2026, 9, 8), minutes - minutes // 2, {"p-17": headers - headers // 2}),
        HeadingSession(date(2026, 9, 13), minutes // 2, {"p-17": headers // 2}),
    )
    assert [v.code for v in review.violations] == violations
    assert [w.code for w in review.warnings] == warnings
    assert review.compliant is (not violations)
    assert review.heading_minutes == minutes
    player = [v.player for v in review.violations if v.code == "headers_exceeded"]
    assert player == (["p-17"] if "headers_exceeded" in violations else [])


@pytest.mark.parametrize("division", ["schoolyard", "6U", "7U", "8U", "9U", "10U", "12U"])
def test_heading_banned_in_practice_for_12u_and_below(division: str) -> None:
    review = _week(division, HeadingSession(date(2026, 9, 8), 5, {"p-1": 2}))
    assert [(v.code, v.player) for v in review.violations] == [("heading_banned", None), ("heading_banned", "p-1")]
    assert not review.compliant
    assert _week(division, HeadingSession(date(2026, 9, 8), 0, {"p-1": 0})).compliant


@pytest.mark.parametrize("division", ["16U", "19U"])
def test_no_practice_limit_from_16u(division: str) -> None:
    assert _week(division, HeadingSession(date(2026, 9, 8), 90, {"p-1": 80})).compliant


@pytest.mark.parametrize("day", [date(2026, 9, 6), date(2026, 9, 14)])
def test_sessions_must_fall_in_the_week(day: date) -> None:
    with pytest.raises(InputError) as caught:
        _week("14U", HeadingSession(date(2026, 9, 7), 5), HeadingSession(day, 5))
    assert (caught.value.code, caught.value.path) == ("invalid_value", "sessions[1].date")


def test_negative_minutes_are_invalid() -> None:
    with pytest.raises(InputError) as caught:
        _week("14U", HeadingSession(date(2026, 9, 7), -1))
    assert (caught.value.code, caught.value.path) == ("invalid_value", "sessions[0].heading_minutes")


def test_practice_contract_shape() -> None:
    result = _week("14U", HeadingSession(date(2026, 9, 8), 20, {"p-17": 12, "p-22": 9})).to_dict()
    assert result["compliant"] is True
    assert result["heading_minutes"] == 20
    assert result["violations"] == [] and result["warnings"] == []
