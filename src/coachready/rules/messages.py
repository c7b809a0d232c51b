"""What a requirement's status means and what to do next, as Wordings.

Kept apart from the logic so the decision and its explanation are built from
the same facts but can be read (and reworded) separately. Only codes, dates
and numbers go in; the words come from `english` (the contracts' machine
text) or from the web layer's renderer (people's language).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from .wording import Wording

if TYPE_CHECKING:
    from .policy import Policy, RequirementSpec, RiskStatusRule


def missing(policy: Policy, spec: RequirementSpec, division: str) -> Wording:
    """No record at all."""
    if spec.kind == "coach_course":
        return Wording(
            "eligibility.course_missing", {"requirement": spec.code, "division": division}, policy
        )
    return Wording("eligibility.missing", {"requirement": spec.code}, policy)


def course_not_counting(
    policy: Policy, spec: RequirementSpec, division: str, held: list[str]
) -> Wording:
    """A missing coach course when the person holds other coach courses.

    Seed page: "Higher level courses will not satisfy the requirement to be
    certified in a younger division"; age-specific ones never substitute.
    """
    return Wording(
        "eligibility.course_not_counting",
        {"requirement": spec.code, "division": division, "held": tuple(held)},
        policy,
    )


def met(
    policy: Policy,
    spec: RequirementSpec,
    satisfied_by: str,
    valid_until: date | None,
    due_soon: bool,
    risk_status: str | None,
) -> Wording:
    """A requirement that counts today (`valid_until` None: one-time)."""
    return Wording(
        "eligibility.met",
        {
            "requirement": spec.code,
            "satisfied_by": satisfied_by,
            "valid_until": valid_until,
            "due_soon": due_soon,
            "warning_days": policy.warning_days,
            "risk_status": risk_status if risk_status != "green" else None,
        },
        policy,
    )


def blocked(policy: Policy, spec: RequirementSpec, rule: RiskStatusRule) -> Wording:
    """A record that counts by its dates but whose risk status forbids coaching."""
    return Wording(
        "eligibility.blocked", {"requirement": spec.code, "risk_status": rule.status}, policy
    )


def lapsed(policy: Policy, spec: RequirementSpec, valid_until: date) -> Wording:
    """Every record has lapsed; `lapsed_on` is the first day it no longer counts."""
    return Wording(
        "eligibility.lapsed",
        {
            "requirement": spec.code,
            "lapsed_on": valid_until + timedelta(days=1),
            "renewable": spec.validity_months is not None,
        },
        policy,
    )


def not_yet(policy: Policy, spec: RequirementSpec, completed_on: date, as_of: date) -> Wording:
    """The only records are dated after the day asked about."""
    return Wording(
        "eligibility.not_yet",
        {"requirement": spec.code, "completed_on": completed_on, "as_of": as_of},
        policy,
    )
