"""Who is cleared to coach what, for a pass: the engine's verdicts on every
coaching role with a division the person holds and every team they coach in
a season not yet over, through the readiness service.

`valid_through` is the earliest day anything those verdicts rest on lapses
(the engine's earliest lapse, a role's last day), capped at the end of the
season (the membership year's end, 31 July, when the region has no season
scheduled).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from coachready.certs.services.readiness import person_records, verdict_for
from coachready.org.models import Person
from coachready.org.models.roles import COACHING_ROLES, Role

# RoleAssignment roles as the engine names them.
_ENGINE_ROLE = {Role.COACH: "head_coach", Role.ASSISTANT_COACH: "assistant_coach"}


@dataclass(frozen=True)
class Held:
    """A role and division held, with the last day it is held."""

    role: str
    division: str
    until: date


@dataclass(frozen=True)
class NotCleared:
    """A held role and division the engine does not clear, and why (titles)."""

    role_title: str
    division: str
    unmet: list[str]


@dataclass
class Clearance:
    person: Person
    as_of: date
    cleared: list[tuple[str, str]] = field(default_factory=list)
    valid_through: date | None = None
    not_cleared: list[NotCleared] = field(default_factory=list)
    blocked_reason: str = ""  # a reason that stops every role (a risk status)

    @property
    def is_cleared(self) -> bool:
        return bool(self.cleared) and self.valid_through is not None and self.valid_through >= self.as_of


def membership_year_end(day: date) -> date:
    """31 July ending the membership year `day` falls in (1 August to 31 July)."""
    return date(day.year + 1 if day.month >= 8 else day.year, 7, 31)


def _season_end(person: Person, as_of: date) -> date:
    from coachready.teams.models import Season

    season = (
        Season.objects.filter(region_id=person.home_region_id, ends_on__gte=as_of)
        .order_by("starts_on", "pk").first()
    )
    return season.ends_on if season is not None else membership_year_end(as_of)


def held_roles(person: Person, as_of: date) -> list[Held]:
    """Every coaching (role, division) the person holds on `as_of` or later
    this season, each with the last day it is held."""
    from coachready.teams.models import CoachAssignment

    season_end = _season_end(person, as_of)
    held: dict[tuple[str, str], date] = {}

    def add(role: str, division: str, until: date) -> None:
        key = (role, division)
        held[key] = max(held.get(key, until), until)

    roles = person.roles.active_on(as_of).filter(role__in=COACHING_ROLES).exclude(division="")
    for assignment in roles.filter(region_id__in=[person.home_region_id, None]):
        until = min(assignment.end_on, season_end) if assignment.end_on else season_end
        add(_ENGINE_ROLE[assignment.role], assignment.division, until)
    teams = (
        CoachAssignment.objects.filter(person=person, team__season__region_id=person.home_region_id,
                                       team__season__ends_on__gte=as_of)
        .exclude(status=CoachAssignment.Status.ENDED)
        .values_list("role", "team__division", "team__season__ends_on")
    )
    for role, division, ends_on in teams:
        add(role, division, ends_on)
    return [Held(role, division, until) for (role, division), until in sorted(held.items())]


def _risk_block(policy, records) -> str:  # noqa: ANN001
    """The newest background check's risk status, if it forbids coaching.

    The engine lets an older check that still counts stand beside a newer
    one; a pass must not: a check recorded red (or any status that forbids
    coaching) ends every pass at once."""
    checks = [r for r in records if r.requirement == policy.risk_requirement]
    if not checks:
        return ""
    newest = max(checks, key=lambda r: (r.completed_on, r.ref or 0))
    risk = newest.risk_status or "green"
    if risk in policy.coach_risk_statuses:
        return ""
    rule = policy.risk_statuses.get(risk)
    meaning = rule.meaning if rule is not None else risk
    return _("Your background check's risk status (%(status)s: %(meaning)s) does not allow coaching.") % {
        "status": risk, "meaning": meaning}


def clearance_for(person: Person, as_of: date) -> Clearance:
    from coachready.rules import InputError

    policy = person.home_region.policy()
    records = person_records(person)
    result = Clearance(person=person, as_of=as_of)
    result.blocked_reason = _risk_block(policy, records)
    lapses: list[date] = []
    for held in held_roles(person, as_of):
        try:
            verdict = verdict_for(person, held.division, held.role, as_of, policy=policy, records=records)
        except InputError:
            continue  # a division the region's policy does not know: nothing to clear
        role_title = policy.roles[held.role].title
        if verdict.eligible and not result.blocked_reason:
            result.cleared.append((held.role, verdict.division))
            lapses.append(held.until)
            if verdict.earliest_lapse is not None:
                lapses.append(verdict.earliest_lapse)
        else:
            unmet = [status.title for status in verdict.requirements if status.status != "met"]
            result.not_cleared.append(NotCleared(role_title, verdict.division, unmet))
    if result.cleared:
        result.valid_through = min(lapses)
    return result
