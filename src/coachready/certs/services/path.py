"""The path to ready as pages show it: the engine's actions (prerequisites
included), each with its upcoming classes, whether any class comes in time,
and the online route where the policy has one.

The coach's checklist, their path page and the volunteer's page for
administrators all count steps from here, so "N steps to go" and the list
of steps always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from coachready.certs.services.readiness import person_records
from coachready.core.policy_words import local_title
from coachready.org.models import Person

# Without a season to aim at, a path aims this far ahead.
DEFAULT_HORIZON = timedelta(days=30)


@dataclass(frozen=True)
class Step:
    """One action of the path, with what the pages say about it.

    `offers` are upcoming classes granting the course (any date); `in_time`
    is whether one starts by the due date. `late` is a course step with no
    class in time: the page says so and points at the online route
    (`online`) when the policy has one. `after` names the steps that must
    come first (a course's prerequisites). `pending` is an upload of this
    requirement waiting for the region's verification.
    """

    action: Any  # coachready.rules.Action
    spec: Any  # coachready.rules.RequirementSpec
    offers: list = field(default_factory=list)
    next_offer: Any = None
    in_time: bool = False
    late: bool = False
    online: bool = False
    after: tuple[str, ...] = ()
    pending: bool = False


@dataclass(frozen=True)
class Plan:
    division: str
    role: str
    target: date
    season: Any  # teams.Season | None
    steps: list[Step]

    @property
    def count(self) -> int:
        return len(self.steps)


def default_target(region, as_of: date) -> tuple[date, Any]:  # noqa: ANN001 - org.Region
    """The day a path aims at: the current season's first game while it is
    still ahead, else a month from `as_of`; and that season."""
    from coachready.teams.services import current_season

    season = current_season(region, as_of)
    if season is not None and season.first_game_on >= as_of:
        return season.first_game_on, season
    return as_of + DEFAULT_HORIZON, season


def plan_for(person: Person, division: str, role: str, as_of: date, *, policy=None, records=None,  # noqa: ANN001
             target: date | None = None, season=None, pending: frozenset[str] | set[str] = frozenset(),  # noqa: ANN001
             with_offers: bool = True) -> Plan:
    """The steps that make `person` ready to coach `division` as `role` by
    `target` (the default target when None).

    `with_offers=False` leaves the classes out (a count needs no calendar).
    """
    from coachready.core.hooks import course_offers
    from coachready.rules import path_to_ready

    region = person.home_region
    policy = policy or region.policy()
    if records is None:
        records = person_records(person)
    if target is None:
        target, season = default_target(region, as_of)
    actions = path_to_ready(records, division, role, target, as_of, policy)
    steps = []
    for action in actions:
        spec = policy.requirements[action.code]
        offers = course_offers(region, action.course, as_of) if with_offers and action.course else []
        in_time = any(offer.starts_on <= action.due_by for offer in offers)
        after = tuple(local_title(policy, a.code) for a in actions if a.prerequisite_of == action.code)
        steps.append(Step(
            action=action, spec=spec, offers=offers, next_offer=offers[0] if offers else None, in_time=in_time,
            late=with_offers and spec.kind == "coach_course" and not in_time,
            online=spec.reportable, after=after, pending=action.code in pending,
        ))
    return Plan(division=division, role=role, target=target, season=season, steps=steps)
