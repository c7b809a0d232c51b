"""Membership years and age groups (DOMAIN.md sections 1 and 3).

The membership year (MY) runs 1 August to 31 July and is named for the year
it starts. Through MY2025 the age group was by birth year,
`(MY + 1) - birth year`; from MY2026 youth soccer moved to a 1 August cutoff
(born August 2016 - July 2018 play 10U in MY2026). The rule per MY lives in
the policy, so a change of rule is a data change.
"""

from __future__ import annotations

from datetime import date

from .policy import AgeRule, Policy

TOO_YOUNG = "too_young"
TOO_OLD = "too_old"


def membership_year(day: date) -> int:
    """The membership year `day` falls in (1 August - 31 July, named for the start)."""
    return day.year if day.month >= 8 else day.year - 1


def _rule_for(year: int, policy: Policy) -> AgeRule:
    found = policy.age_rules[0]
    for rule in policy.age_rules:
        if rule.from_year <= year:
            found = rule
    return found


def age_number(birth_date: date, year: int, policy: Policy) -> int:
    """The age-group number (the "10" of 10U) of a player born on `birth_date`."""
    rule = _rule_for(year, policy)
    if rule.method == "birth_year":
        return (year + 1) - birth_date.year
    # The cutoff rule counts from the last cutoff on or before the birth date:
    # with 1 August, August 2016 - July 2017 births are age group 10 in MY2026.
    cutoff_year = birth_date.year
    if (birth_date.month, birth_date.day) < (rule.cutoff_month, rule.cutoff_day):
        cutoff_year -= 1
    return year - cutoff_year


def age_group(birth_date: date, year: int, policy: Policy) -> str:
    """The division a player born on `birth_date` plays in membership year `year`.

    Returns a division code ("10U"), or `TOO_YOUNG` / `TOO_OLD` when no
    division of the policy takes that age group.
    """
    number = age_number(birth_date, year, policy)
    youngest = min(rules.ages[0] for rules in policy.division_rules.values())
    if number < youngest:
        return TOO_YOUNG
    for division, rules in policy.division_rules.items():
        low, high = rules.ages
        if low <= number <= high:
            return division
    return TOO_OLD
