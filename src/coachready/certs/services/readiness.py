"""Readiness: the one place every page, report and email gets a verdict from.

Two ways in:

- `verdict_for(person, division, role, as_of)`: one person (the coach's own
  checklist, the assignment gate). Two queries.
- `readiness_rows(assignments, as_of, roles=...)`: every coach assignment a
  queryset selects (a season, a region, the whole country), and the coaching
  roles of volunteers still awaiting a team. Facts are loaded with a fixed
  number of queries whatever the number of people — the assignments with
  their people and teams in one, the waiting roles in one, the verified
  records in one (joined by subquery, never a long `IN (...)` list) — then
  evaluated in process with each region's policy.

The season's population is every volunteer holding a coaching role with a
division in the region, on a team or not yet, and everyone assigned to a
team: the weeks before teams are formed are when certifications are chased.

Youth volunteers (under 18) are exempt from the background check, Live Scan
and SafeSport (DOMAIN.md section 2); `compliance_rows` counts them as exempt
rather than incomplete.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coachready.certs.models import CertificationRecord
from coachready.certs.services.records import rule_records_where
from coachready.core.exports import Report
from coachready.org.models import Person, Region
from coachready.org.names import full_name, name_order

# DOMAIN.md section 2: "Youth volunteers (under 18) are exempt from
# background check, Live Scan and SafeSport, and may not coach."
YOUTH_EXEMPT = frozenset({"background_check", "live_scan", "safesport"})

# The dashboard's "due soon" bands, in days before the earliest lapse.
DUE_SOON_BANDS = (30, 60, 90)
BANDS = ("ready", "due_30", "due_60", "due_90", "not_ready")
BAND_LABELS = {
    "ready": _("Ready"),
    "due_30": _("Due within 30 days"),
    "due_60": _("Due within 60 days"),
    "due_90": _("Due within 90 days"),
    "not_ready": _("Not ready"),
}


class PolicyCache:
    """Region policies, loaded once per (profile, overrides) for a bulk run.

    A region with overrides builds a fresh Policy on each `region.policy()`
    call; a report over hundreds of regions should not rebuild it per row.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, Any] = {}

    def get(self, policy_name: str, overrides: dict | None):  # -> coachready.rules.Policy
        from coachready.rules import load_policy

        key = f"{policy_name}|{json.dumps(overrides or {}, sort_keys=True, default=str)}"
        found = self._by_key.get(key)
        if found is None:
            found = self._by_key[key] = load_policy(policy_name, overrides or None)
        return found

    def for_region(self, region: Region):
        return self.get(region.policy_name, region.policy_overrides)


def band_of(verdict, as_of: date) -> str:
    """ready / due_30 / due_60 / due_90 / not_ready for one verdict."""
    if not verdict.eligible:
        return "not_ready"
    lapse = verdict.earliest_lapse
    if lapse is None:
        return "ready"
    days = (lapse - as_of).days
    for limit in DUE_SOON_BANDS:
        if days <= limit:
            return f"due_{limit}"
    return "ready"


def person_records(person: Person) -> list:
    """A person's verified records as engine records (one query)."""
    return rule_records_where(Q(person_id=person.pk)).get(person.pk, [])


def verdict_for(person: Person, division: str, role: str, as_of: date, *, policy=None, records=None):
    """The engine's verdict for one person coaching `division` as `role` on `as_of`.

    Uses the person's home region's policy unless `policy` is given, and
    their verified records unless `records` (engine records) are given.
    Raises `coachready.rules.InputError` for an unknown division or role.
    """
    from coachready.rules import evaluate

    if policy is None:
        policy = person.home_region.policy()
    if records is None:
        records = person_records(person)
    return evaluate(records, division, role, as_of, policy)


class ReadinessRow(NamedTuple):
    """One coach in the season's population and their verdict on the day asked:
    a coach assignment on a team, or a coaching role with a division that no
    team assignment answers yet (`team_id` None: awaiting a team).

    A tuple rather than a dataclass: a national report makes one per
    coach, and the dashboard's cache stores thousands of them.
    """

    assignment_id: int | None  # the CoachAssignment; None while awaiting a team
    assignment_status: str  # active, pending, or awaiting_team
    overridden: bool
    person_id: int
    name: str
    last_name: str
    volunteer_id: str
    email: str
    region_number: int
    season_id: int | None
    team_id: int | None
    team: str | None
    division: str
    role: str
    verdict: Any  # coachready.rules.Verdict
    band: str
    birth_date: date | None = None
    role_assignment_id: int | None = None  # the RoleAssignment of an awaiting row

    @property
    def on_team(self) -> bool:
        return self.team_id is not None

    @property
    def key(self) -> tuple[str, int]:
        """Stable across days: the assignment, or the role while awaiting a team."""
        if self.assignment_id is not None:
            return ("team", self.assignment_id)
        return ("role", self.role_assignment_id or 0)

    @property
    def eligible(self) -> bool:
        return self.verdict.eligible

    @property
    def unmet(self) -> tuple[str, ...]:
        return self.verdict.unmet

    @property
    def earliest_lapse(self) -> date | None:
        return self.verdict.earliest_lapse

    @property
    def missing(self) -> list:
        """The requirement statuses that are not met, with their messages."""
        return [s for s in self.verdict.requirements if s.status != "met"]

    def as_report(self) -> dict[str, Any]:
        """The `readiness-report` row (CSV/JSON/XLSX share these columns).
        `earliest_lapse` is a date; each writer renders it its own way."""
        row = dict(zip(REPORT_COLUMNS, self.report_values(), strict=True))
        row["unmet"] = list(row["unmet"])
        return row

    def report_values(self) -> tuple:
        """`as_report`'s values in REPORT_COLUMNS order (CSV and XLSX take
        them as they are: no dictionary per row of a national report)."""
        verdict = self.verdict
        return (self.name, self.volunteer_id, self.team, self.division, self.role, verdict.eligible,
                verdict.unmet, verdict.earliest_lapse, self.band, self.region_number)


REPORT_COLUMNS = (
    "person", "volunteer_id", "team", "division", "role", "eligible", "unmet", "earliest_lapse", "status", "region",
)
# The readiness report, the same on the dashboard's download and from the
# command line: dates as dates in XLSX, the volunteer id always text.
READINESS_REPORT = Report(REPORT_COLUMNS, "Readiness", dates=frozenset({"earliest_lapse"}),
                          ids=frozenset({"volunteer_id"}))

_ROW_FIELDS = (
    "pk", "status", "override_reason", "role", "person_id",
    "person__first_name", "person__preferred_name", "person__last_name", "person__volunteer_id", "person__email",
    "team_id", "team__name", "team__division", "team__season_id",
    "team__season__region_id", "team__season__region__number", "person__birth_date",
)
_ROLE_FIELDS = (
    "pk", "role", "person_id",
    "person__first_name", "person__preferred_name", "person__last_name", "person__volunteer_id", "person__email",
    "division", "region_id", "region__number", "person__birth_date",
)
AWAITING_TEAM = "awaiting_team"


def awaiting_roles(regions: Region | list[int], as_of: date, *, division: str | None = None) -> QuerySet:
    """The region's (or the region ids') coaching roles with a division held on `as_of` that no
    live team assignment in a season running or to come answers (same
    person, same division): the coaches still awaiting a team.

    A person holding Coach (10U) and coaching a 10U team is on that team's
    row; holding Coach (10U) and coaching only a 12U team, they still await
    a 10U team. A referee, or a coach role without a division, is not here.
    """
    from django.db.models import Exists, OuterRef

    from coachready.org.models.roles import COACHING_ROLES, RoleAssignment
    from coachready.teams.models import CoachAssignment

    ids = [regions.pk] if isinstance(regions, Region) else list(regions)
    on_team = CoachAssignment.objects.filter(
        person_id=OuterRef("person_id"), team__division=OuterRef("division"),
        team__season__region_id=OuterRef("region_id"), team__season__ends_on__gte=as_of,
        # Said again outright: PostgreSQL then reads these regions' teams,
        # not the nation's, to answer the correlated test.
        team__season__region_id__in=ids,
    ).exclude(status=CoachAssignment.Status.ENDED)
    roles = (
        RoleAssignment.objects.active_on(as_of)
        .filter(role__in=COACHING_ROLES, region_id__in=ids)
        .exclude(division="")
        .filter(~Exists(on_team))
    )
    if division:
        roles = roles.filter(division=division)
    return roles


def readiness_rows(assignments: QuerySet, as_of: date, *, policies: PolicyCache | None = None,
                   region: Region | None = None, roles: QuerySet | None = None,
                   by_region: bool = False) -> list[ReadinessRow]:
    """Verdicts for every coach assignment in `assignments`, and for every
    coaching role in `roles` (awaiting a team, see `awaiting_roles`), in
    three queries (four without the one `region` they all belong to; two
    without `roles`).

    `assignments` is a CoachAssignment queryset (filtered by season, region,
    division, team...). Ended assignments are left out. Rows come back in
    division order (region by region first when `by_region`); within a
    division the coaches on a team (by team, role, name) come first, then
    those awaiting one (by role, name).
    """
    from coachready.org.models.roles import Role
    from coachready.teams.models import CoachAssignment

    live = assignments.exclude(status=CoachAssignment.Status.ENDED)
    facts = list(
        live.order_by(*(["team__season__region__number"] if by_region else []),
                      "team__division", "team__name", "role", *name_order("person__"), "pk")
        .values_list(*_ROW_FIELDS)
    )
    waiting = []
    people = live.values("person_id")
    if roles is not None:
        waiting = list(
            roles.order_by(*(["region__number"] if by_region else []),
                           "division", "role", *name_order("person__"), "pk")
            .values_list(*_ROLE_FIELDS)
        )
        # One subquery of both populations: PostgreSQL plans `a IN (...) OR
        # a IN (...)` as a scan of every record (30 times slower here).
        people = people.order_by().union(roles.values("person_id").order_by(), all=True)
    if not facts and not waiting:
        return []
    records = rule_records_where(people)
    policies = policies or PolicyCache()
    # Policies per region, not per row: a region's overrides are JSON that
    # would otherwise be decoded once for every assignment.
    if region is not None:
        policy_of = {region.pk: policies.for_region(region)}
    else:
        policy_of = {
            pk: policies.get(name, overrides)
            for pk, name, overrides in Region.objects.filter(pk__in={f[14] for f in facts} | {w[9] for w in waiting})
            .values_list("pk", "policy_name", "policy_overrides")
        }
    rows = _team_rows(facts, records, policy_of, as_of)
    if waiting:
        engine_role = {Role.COACH: "head_coach", Role.ASSISTANT_COACH: "assistant_coach"}
        rows.extend(_awaiting_rows(waiting, records, policy_of, engine_role, as_of))
        # Stable: each part keeps the database's order within a division.
        rows.sort(key=lambda r: (r.region_number if by_region else 0, r.division, r.team_id is None))
    return rows


def _team_rows(facts: list, records: dict, policy_of: dict, as_of: date) -> list[ReadinessRow]:
    from coachready.rules import evaluate

    rows = []
    append = rows.append
    no_records: tuple = ()
    for (
        pk, status, override_reason, role, person_id, first, preferred, last, volunteer_id, email,
        team_id, team_name, division, season_id, region_id, region_number, birth_date,
    ) in facts:
        verdict = evaluate(records.get(person_id, no_records), division, role, as_of, policy_of[region_id])
        append(ReadinessRow(
            pk, status, bool(override_reason), person_id, full_name(first, last, preferred), last,
            volunteer_id or "", email, region_number, season_id, team_id, team_name, division, role,
            verdict, band_of(verdict, as_of), birth_date,
        ))
    return rows


def _awaiting_rows(waiting: list, records: dict, policy_of: dict, engine_role: dict, as_of: date) -> Iterator:
    from coachready.rules import evaluate

    seen: set[tuple[int, str, str]] = set()
    no_records: tuple = ()
    for (
        pk, org_role, person_id, first, preferred, last, volunteer_id, email, division, region_id, region_number,
        birth_date,
    ) in waiting:
        policy = policy_of[region_id]
        role = engine_role[org_role]
        # One row per person, role and division, however many times the role
        # was recorded; a division this region's policy does not run is no
        # coaching place to be ready for.
        if (person_id, role, division) in seen or division not in policy.division_rules:
            continue
        seen.add((person_id, role, division))
        verdict = evaluate(records.get(person_id, no_records), division, role, as_of, policy)
        yield ReadinessRow(
            None, AWAITING_TEAM, False, person_id, full_name(first, last, preferred), last,
            volunteer_id or "", email, region_number, None, None, None, division, role,
            verdict, band_of(verdict, as_of), birth_date, pk,
        )


def season_rows(season, as_of: date, *, division: str | None = None, region: Region | None = None,
                ) -> list[ReadinessRow]:  # noqa: ANN001
    """The season's population: every coach assigned to one of its teams and,
    while the season is running or to come, every coach of the region still
    awaiting a team. With no season (`season` None, `region` given), the
    coaches awaiting a team alone."""
    from coachready.teams.models import CoachAssignment

    region = region or season.region
    if season is None:
        qs = CoachAssignment.objects.none()
    else:
        qs = CoachAssignment.objects.filter(team__season=season)
        if division:
            qs = qs.filter(team__division=division)
    roles = None
    if season is None or season.ends_on >= as_of:
        roles = awaiting_roles(region, as_of, division=division)
    return readiness_rows(qs, as_of, region=region, roles=roles)


def region_rows(region: Region, as_of: date, *, division: str | None = None,
                policies: PolicyCache | None = None) -> list[ReadinessRow]:
    """The region's population on `as_of` (the report's and the digest's):
    every coach assigned in the seasons still running or to come, and every
    volunteer holding a coaching role with a division still awaiting a team."""
    from coachready.teams.models import CoachAssignment

    qs = CoachAssignment.objects.filter(team__season__region=region, team__season__ends_on__gte=as_of)
    if division:
        qs = qs.filter(team__division=division)
    roles = awaiting_roles(region, as_of, division=division)
    return readiness_rows(qs, as_of, policies=policies, region=region, roles=roles)


# Regions evaluated together by `regions_rows`: few enough that their rows
# stay small in memory (about 8,000 for ten large regions), enough that a
# national report is tens of queries, not hundreds.
REGIONS_PER_CHUNK = 10


def regions_rows(regions: Iterable[Region], as_of: date, *, division: str | None = None) -> Iterator[ReadinessRow]:
    """`region_rows` of every region, in region number order, yielded as
    they come: ten regions at a time (four queries for each ten), so a
    national report holds a few regions' rows at once, never the nation's."""
    from coachready.teams.models import CoachAssignment

    policies = PolicyCache()
    ordered = sorted(regions, key=lambda r: r.number)
    for start in range(0, len(ordered), REGIONS_PER_CHUNK):
        ids = [r.pk for r in ordered[start:start + REGIONS_PER_CHUNK]]
        qs = CoachAssignment.objects.filter(team__season__region_id__in=ids, team__season__ends_on__gte=as_of)
        if division:
            qs = qs.filter(team__division=division)
        roles = awaiting_roles(ids, as_of, division=division)
        yield from readiness_rows(qs, as_of, policies=policies, roles=roles, by_region=True)


def summarise(rows: list[ReadinessRow], divisions: tuple[str, ...]) -> list[dict[str, Any]]:
    """Per division: counts per band, in the policy's division order; only
    divisions with at least one row (plus a total)."""
    counts: dict[str, dict[str, int]] = {d: dict.fromkeys(BANDS, 0) for d in divisions}
    for row in rows:
        counts.setdefault(row.division, dict.fromkeys(BANDS, 0))[row.band] += 1
    summary = []
    for division, bands in counts.items():
        total = sum(bands.values())
        if total:
            summary.append({"division": division, "total": total, **bands})
    return summary


def pending_by_person(person_filter: Q) -> dict[int, set[str]]:
    """Requirement codes with an upload waiting for verification, per person."""
    pending: dict[int, set[str]] = {}
    qs = CertificationRecord.objects.filter(person_filter, status=CertificationRecord.Status.PENDING)
    for person_id, code in qs.values_list("person_id", "requirement"):
        pending.setdefault(person_id, set()).add(code)
    return pending
