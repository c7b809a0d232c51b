"""Per-requirement compliance, like the national platform's compliance
widget, but correct for exempt people.

The population is every volunteer who coaches in the season or holds a
coaching role with a division awaiting a team (their division's
requirements) and every volunteer holding a referee role in the region
today (the requirements every volunteer on the field shares: safety and
background).
A youth volunteer (under 18) is counted as exempt from the background check,
Live Scan and SafeSport, not as incomplete (DOMAIN.md sections 2 and 7).

Facts: the season's readiness rows (three queries), the referees (one query),
their verified records (one query).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext

from coachready.certs.services.readiness import YOUTH_EXEMPT, PolicyCache, season_rows
from coachready.certs.services.records import rule_records_where
from coachready.core.exports import Report
from coachready.org.models import Person, Region, Role, RoleAssignment
from coachready.org.names import full_name, name_order
from coachready.wording.render import memo_render

COMPLIANCE_REPORT = Report(
    ("person", "volunteer_id", "email", "requirement", "status", "message"), "Compliance",
    ids=frozenset({"volunteer_id"}),
)

# Requirement kinds that apply to every volunteer on the field, whatever the role.
SHARED_KINDS = frozenset({"safety", "background"})


@dataclass
class PersonStatus:
    person_id: int
    name: str
    volunteer_id: str
    email: str
    status: str  # met, missing, expired, blocked, exempt
    message: str
    # A coach by role only, not yet on any of the season's teams.
    awaiting_team: bool = False


@dataclass
class RequirementCompliance:
    code: str
    title: str
    complete: list[PersonStatus] = field(default_factory=list)
    incomplete: list[PersonStatus] = field(default_factory=list)
    exempt: list[PersonStatus] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.complete) + len(self.incomplete) + len(self.exempt)

    @property
    def percent(self) -> int:
        counted = len(self.complete) + len(self.incomplete)
        return round(100 * len(self.complete) / counted) if counted else 100


def _is_youth(birth_date: date | None, as_of: date) -> bool:
    if birth_date is None:
        return False
    age = as_of.year - birth_date.year - ((as_of.month, as_of.day) < (birth_date.month, birth_date.day))
    return age < 18


def compliance(region: Region, season, as_of: date) -> list[RequirementCompliance]:  # noqa: ANN001
    """Complete / incomplete / exempt people per requirement, in policy order."""
    from coachready.rules import evaluate

    policies = PolicyCache()
    policy = policies.for_region(region)
    by_code: dict[str, RequirementCompliance] = {}
    seen: set[tuple[int, str]] = set()
    render = memo_render()

    def add(person_id, name, volunteer_id, email, birth_date, status, awaiting=False) -> None:  # noqa: ANN001
        key = (person_id, status.code)
        if key in seen:
            return
        seen.add(key)
        entry = by_code.setdefault(status.code, RequirementCompliance(status.code, status.title))
        if status.code in YOUTH_EXEMPT and _is_youth(birth_date, as_of):
            entry.exempt.append(PersonStatus(person_id, name, volunteer_id, email, "exempt",
                                             gettext("Youth volunteers under 18 are exempt."), awaiting))
        elif status.status == "met":
            entry.complete.append(
                PersonStatus(person_id, name, volunteer_id, email, "met", render(status.wording), awaiting))
        else:
            entry.incomplete.append(
                PersonStatus(person_id, name, volunteer_id, email, status.status, render(status.wording), awaiting))

    # The season's population: its coaches on a team and, while it runs or
    # is to come, those awaiting one (with no season at all, those alone).
    rows = season_rows(season, as_of, region=region)
    on_a_team = {row.person_id for row in rows if row.on_team}
    for row in rows:
        for status in row.verdict.requirements:
            add(row.person_id, row.name, row.volunteer_id, row.email, row.birth_date, status,
                row.person_id not in on_a_team)

    referee_ids = RoleAssignment.objects.active_on(as_of).filter(role=Role.REFEREE, region=region).values("person_id")
    referees = list(
        Person.objects.filter(pk__in=referee_ids)
        .order_by(*name_order(), "pk")
        .values_list("pk", "first_name", "preferred_name", "last_name", "volunteer_id", "email", "birth_date")
    )
    if referees:
        records = rule_records_where(Q(person_id__in=referee_ids))
        # Shared requirements do not depend on the division; any division's
        # plan gives their statuses.
        division = policy.divisions[0]
        for pk, first, preferred, last, volunteer_id, email, birth_date in referees:
            verdict = evaluate(records.get(pk, ()), division, "head_coach", as_of, policy)
            name = full_name(first, last, preferred)
            for status in verdict.requirements:
                if policy.requirements[status.code].kind in SHARED_KINDS:
                    add(pk, name, volunteer_id or "", email, birth_date, status)

    order = {code: i for i, code in enumerate(policy.requirements)}
    return sorted(by_code.values(), key=lambda entry: order.get(entry.code, len(order)))


def compliance_export_rows(entry: RequirementCompliance, people: list[PersonStatus]) -> list[dict]:
    """The rows of COMPLIANCE_REPORT for one requirement's list of people."""
    return [{"person": p.name, "volunteer_id": p.volunteer_id, "email": p.email, "requirement": entry.code,
             "status": p.status, "message": p.message} for p in people]
