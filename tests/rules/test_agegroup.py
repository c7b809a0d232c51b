"""Membership years and age groups, at the boundaries (DOMAIN.md 1 and 3)."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.rules import TOO_OLD, TOO_YOUNG, age_group, age_number, load_policy, membership_year


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 7, 31), 2025),
        (date(2026, 8, 1), 2026),
        (date(2026, 12, 31), 2026),
        (date(2027, 1, 1), 2026),
        (date(2027, 7, 31), 2026),
        (date(2027, 8, 1), 2027),
    ],
)
def test_membership_year(day: date, year: int) -> None:
    assert membership_year(day) == year


@pytest.mark.parametrize(
    ("birth", "year", "division"),
    [
        # Birth-year rule through MY2025: age group = (MY + 1) - birth year.
        (date(2016, 1, 1), 2025, "10U"),
        (date(2016, 12, 31), 2025, "10U"),
        (date(2015, 12, 31), 2025, "12U"),
        (date(2017, 1, 1), 2025, "9U"),
        (date(2020, 6, 1), 2025, "6U"),
        (date(2021, 6, 1), 2025, "schoolyard"),
        # 1 August cutoff from MY2026: born Aug 2016 - Jul 2018 play 10U.
        (date(2016, 8, 1), 2026, "10U"),
        (date(2017, 7, 31), 2026, "10U"),
        (date(2017, 8, 1), 2026, "9U"),
        (date(2018, 7, 31), 2026, "9U"),
        (date(2018, 8, 1), 2026, "8U"),
        (date(2016, 7, 31), 2026, "12U"),
        (date(2013, 8, 1), 2026, "14U"),
        (date(2008, 8, 1), 2026, "19U"),
    ],
)
def test_age_group(birth: date, year: int, division: str) -> None:
    assert age_group(birth, year, load_policy()) == division


def test_born_aug_2016_to_jul_2018_play_10u_or_9u_in_my2026() -> None:
    policy = load_policy()
    assert age_number(date(2016, 8, 1), 2026, policy) == 10
    assert age_number(date(2018, 7, 31), 2026, policy) == 9


@pytest.mark.parametrize(
    ("birth", "year", "expected"),
    [
        (date(2023, 1, 1), 2025, TOO_YOUNG),
        (date(2005, 6, 1), 2025, TOO_OLD),
        (date(2022, 8, 1), 2026, "schoolyard"),
        (date(2023, 8, 1), 2026, TOO_YOUNG),
    ],
)
def test_too_young_or_too_old(birth: date, year: int, expected: str) -> None:
    assert age_group(birth, year, load_policy()) == expected


def test_the_rule_is_data() -> None:
    policy = load_policy(
        "region-60",
        {"age_rules": [{"from_year": 1900, "method": "birth_year"}]},
    )
    assert age_group(date(2016, 8, 1), 2026, policy) == "12U"
