"""The words of a verdict: what a status means and what to do next.

Kept apart from the logic so the decision and its explanation are built from
the same facts but can be read (and reworded) separately.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from .codes import DIVISION_NAMES

if TYPE_CHECKING:
    from .policy import Policy, RequirementSpec, RiskStatusRule


def _article(title: str) -> str:
    return "an" if title[:1] in "AEIOU8" else "a"


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def missing(policy: Policy, spec: RequirementSpec, division: str) -> str:
    """No record at all."""
    if spec.kind == "coach_course":
        named = DIVISION_NAMES.get(division, division)
        return f"Take the {spec.title} course; {named} needs it. {spec.how_to}"
    return f"Complete {spec.title} ({spec.renewal}); it is not on record. {spec.how_to}"


def course_not_counting(
    policy: Policy, spec: RequirementSpec, division: str, held: list[str]
) -> str:
    """A missing coach course when the person holds other coach courses."""
    titles = [policy.title_of(code) for code in held]
    if len(titles) == 1:
        holding = f"{_article(titles[0])} {titles[0]} certificate does not"
    else:
        holding = f"your {_join(titles)} certificates do not"
    # Seed page: "Higher level courses will not satisfy the requirement to be
    # certified in a younger division"; age-specific ones never substitute.
    return f"Take the {spec.title} course; {holding} count for {DIVISION_NAMES.get(division, division)}. " + spec.how_to


def met(
    policy: Policy,
    spec: RequirementSpec,
    satisfied_by: str,
    valid_until: date | None,
    due_soon: bool,
    risk_status: str | None,
) -> str:
    """A requirement that counts today."""
    through = "" if satisfied_by == spec.code else f" through your {policy.title_of(satisfied_by)}"
    if valid_until is None:
        text = f"{spec.title} is complete{through} (one-time)."
    elif due_soon:
        text = (
            f"{spec.title} counts through {valid_until}{through}, within "
            f"{policy.warning_days} days: renew it now. {spec.how_to}"
        )
    else:
        text = f"{spec.title} counts through {valid_until}{through}; renew it {spec.renewal}."
    if risk_status is not None and risk_status != "green":
        text += f" Risk status {risk_status}: {policy.risk_statuses[risk_status].meaning}."
    return text


def blocked(policy: Policy, spec: RequirementSpec, rule: RiskStatusRule) -> str:
    """A record that counts by its dates but whose risk status forbids coaching."""
    text = (
        f"Your {spec.title} risk status is {rule.status} ({rule.meaning}), "
        "so it does not count for coaching."
    )
    return f"{text} {rule.next_step}" if rule.next_step else text


def lapsed(spec: RequirementSpec, valid_until: date) -> str:
    """Every record has lapsed."""
    again = "take it again" if spec.validity_months is None else f"renew it ({spec.renewal})"
    return f"Your {spec.title} lapsed on {valid_until + timedelta(days=1)}; {again}. {spec.how_to}"


def not_yet(spec: RequirementSpec, completed_on: date, as_of: date) -> str:
    """The only records are dated after the day asked about."""
    return (
        f"Your {spec.title} is dated {completed_on}, after {as_of}; "
        f"it counts from {completed_on}."
    )
