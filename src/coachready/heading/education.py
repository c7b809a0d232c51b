"""The coach education page's content, read from a policy.

Nothing here is copy about heading: the divisions, the limits, the sanction
and the worked examples all come from the policy and the rules engine, so
when a region's policy changes, the page changes with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from coachready.rules.heading import Spot, heading_match
from coachready.teams.labels import division_label


@dataclass
class Example:
    title: str
    division: str
    offending_team: str
    offence: dict[str, float]
    ruling: dict[str, Any]


@dataclass
class Lessons:
    policy_title: str
    source: str
    practice: dict[str, list[str]]
    match: dict[str, list[str]]
    minutes_per_week: int
    headers_warning_above: int
    headers_limit: int
    sanction_max_age: int
    # (the restart's code, the divisions it applies to)
    sanctions: list[tuple[str, list[str]]]
    examples: list[Example] = field(default_factory=list)


def _divisions_by(policy, attribute: str) -> dict[str, list[str]]:  # noqa: ANN001
    grouped: dict[str, list[str]] = {}
    for code in policy.divisions:
        value = getattr(policy.division_rules[code], attribute)
        grouped.setdefault(value, []).append(division_label(code))
    return grouped


def _examples(policy) -> list[Example]:  # noqa: ANN001
    """Three worked restarts on the field of the oldest division whose players
    the sanction covers (10U in region-60)."""
    limit = policy.heading.sanction_max_age
    covered = [c for c in policy.divisions if policy.division_rules[c].ages[1] <= limit]
    if not covered:
        return []
    division = covered[-1]
    size = policy.field_for(division)
    middle = size.width / 2
    cases = (
        (gettext("A home player heads the ball in the middle of the field"), "home", Spot(size.length / 2, middle)),
        (gettext("A home player heads the ball inside the home goal area"), "home",
         Spot(size.goal_area_depth / 2, middle)),
        (gettext("An away player heads the ball inside the home goal area"), "away",
         Spot(size.goal_area_depth / 2, middle)),
    )
    examples = []
    for title, team, spot in cases:
        ruling = heading_match(division=division, offending_team=team, offence=spot, deliberate=True, policy=policy)
        examples.append(Example(title, division_label(division), team, spot.to_dict(), ruling.to_dict()))
    return examples


def lessons(policy) -> Lessons:  # noqa: ANN001
    settings = policy.heading
    sanctions: dict[str, list[str]] = {}
    for code in policy.divisions:
        rules = policy.division_rules[code]
        if rules.ages[0] <= settings.sanction_max_age:
            sanctions.setdefault(rules.sanction, []).append(division_label(code))
    return Lessons(
        policy_title=policy.title,
        source=settings.source,
        practice=_divisions_by(policy, "heading_practice"),
        match=_divisions_by(policy, "heading_match"),
        minutes_per_week=settings.practice_minutes_per_week,
        headers_warning_above=settings.headers_warning_above,
        headers_limit=settings.headers_limit,
        sanction_max_age=settings.sanction_max_age,
        sanctions=list(sanctions.items()),
        examples=_examples(policy),
    )
