"""Readiness: the one place every page, report and email gets a verdict from.

Two ways in:

- `verdict_for(person, division, role, as_of)`: one person (the coach's own
  checklist, the assignment gate). Two queries.
- `readiness_rows(assignments, as_of)`: every coach assignment a queryset
  selects (a season, a region, the whole country). Facts are loaded with a
  fixed number of queries whatever the number of people — the assignments
  with their people and teams in one, the verified records in one (joined by
  subquery, never a long `IN (...)` list) — then evaluated in process with
  each region's policy.

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

from coachready.certs.models import CertificationRecord
from coachready.certs.services.records import rule_records_where
from coachready.org.models import Person, Region

# DOMAIN.md section 2: "Youth volunteers (under 18) are exempt from
# background check, Live Scan and SafeSport, and may not coach."
YOUTH_EXEMPT = frozenset({"background_check", "live_scan", "safesport"})

# The dashboard's "due soon" bands, in days before the earliest lapse.
DUE_SOON_BANDS = (30, 60, 90)
BANDS = ("ready", "due_30", "due_60", "due_90", "not_ready")
BAND_LABELS = {
    "ready": "Ready",
    "due_30": "Due within 30 days",
    "due_60": "Due within 60 days",
    "due_90": "Due within 90 days",
    "not_ready": "Not ready",
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
    """One coach assignment and its verdict on the day asked.

    A tuple rather than a dataclass: a national report makes one per
    assignment, and the dashboard's cache stores thousands of them.
    """

    assignment_id: int
    assignment_status: str
    overridden: bool
    person_id: int
    name: str
    last_name: str
    volunteer_id: str
    email: str
    region_number: int
    season_id: int
    team_id: int
    team: str
    division: str
    role: str
    verdict: Any  # coachready.rules.Verdict
    band: str
    birth_date: date | None = None

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
        """The `readiness-report` row (CSV/JSON/XLSX share these columns)."""
        lapse = self.earliest_lapse
        return {
            "person": self.name,
            "volunteer_id": self.volunteer_id,
            "team": self.team,
            "division": self.division,
            "role": self.role,
            "eligible": self.eligible,
            "unmet": list(self.unmet),
            "earliest_lapse": lapse.isoformat() if lapse else None,
            "status": self.band,
            "region": self.region_number,
        }


REPORT_COLUMNS = (
    "person", "volunteer_id", "team", "division", "role", "eligible", "unmet", "earliest_lapse", "status", "region",
)

_ROW_FIELDS = (
    "pk", "status", "override_reason", "role", "person_id",
    "person__first_name", "person__preferred_name", "person__last_name", "person__volunteer_id", "person__email",
    "team_id", "team__name", "team__division", "team__season_id",
    "team__season__region_id", "team__season__region__number", "person__birth_date",
)


def readiness_rows(assignments: QuerySet, as_of: date, *, policies: PolicyCache | None = None,
                   region: Region | None = None) -> list[ReadinessRow]:
    """Verdicts for every coach assignment in `assignments`, in three queries
    (two when the caller names the one `region` they all belong to).

    `assignments` is a CoachAssignment queryset (filtered by season, region,
    division, team...). Ended assignments are left out. Rows come back in
    division, team, role, name order.
    """
    from coachready.rules import evaluate
    from coachready.teams.models import CoachAssignment

    live = assignments.exclude(status=CoachAssignment.Status.ENDED)
    facts = list(
        live.order_by("team__division", "team__name", "role", "person__last_name", "person__first_name", "pk")
        .values_list(*_ROW_FIELDS)
    )
    if not facts:
        return []
    records = rule_records_where(live.values("person_id"))
    policies = policies or PolicyCache()
    # Policies per region, not per row: a region's overrides are JSON that
    # would otherwise be decoded once for every assignment.
    if region is not None:
        policy_of = {region.pk: policies.for_region(region)}
    else:
        policy_of = {
            pk: policies.get(name, overrides)
            for pk, name, overrides in Region.objects.filter(pk__in={f[14] for f in facts})
            .values_list("pk", "policy_name", "policy_overrides")
        }
    rows = []
    append = rows.append
    no_records: tuple = ()
    for (
        pk, status, override_reason, role, person_id, first, preferred, last, volunteer_id, email,
        team_id, team_name, division, season_id, region_id, region_number, birth_date,
    ) in facts:
        verdict = evaluate(records.get(person_id, no_records), division, role, as_of, policy_of[region_id])
        append(ReadinessRow(
            pk, status, bool(override_reason), person_id, f"{preferred or first} {last}".strip(), last,
            volunteer_id or "", email, region_number, season_id, team_id, team_name, division, role,
            verdict, band_of(verdict, as_of), birth_date,
        ))
    return rows


def season_rows(season, as_of: date, *, division: str | None = None) -> list[ReadinessRow]:  # noqa: ANN001
    """Readiness of every coach assigned to a team of `season`."""
    from coachready.teams.models import CoachAssignment

    qs = CoachAssignment.objects.filter(team__season=season)
    if division:
        qs = qs.filter(team__division=division)
    return readiness_rows(qs, as_of, region=season.region)


def region_rows(region: Region, as_of: date, *, division: str | None = None,
                policies: PolicyCache | None = None) -> list[ReadinessRow]:
    """Readiness of every coach assigned in the region's seasons still running
    or to come on `as_of` (the report's and the reminders' population)."""
    from coachready.teams.models import CoachAssignment

    qs = CoachAssignment.objects.filter(team__season__region=region, team__season__ends_on__gte=as_of)
    if division:
        qs = qs.filter(team__division=division)
    return readiness_rows(qs, as_of, policies=policies, region=region)


def regions_rows(regions: Iterable[Region], as_of: date, *, division: str | None = None) -> Iterator[ReadinessRow]:
    """`region_rows` of each region in turn (two queries a region), yielded
    as they come: a national report holds one region's rows at a time."""
    policies = PolicyCache()
    for region in regions:
        yield from region_rows(region, as_of, division=division, policies=policies)


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
