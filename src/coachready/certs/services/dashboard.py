"""The region readiness dashboard's data, cached.

A season's rows are evaluated once per (region, season, day, readiness
stamp, policy) and kept as small tuples of display values, so a filter, a
page or an export of the same data costs no evaluation; the rendered page
body is cached by the same key plus its filters and page. Every write that
changes readiness replaces the stamp (`versions.bump_readiness_version`), so
neither cache shows stale data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from coachready.certs.services import versions
from coachready.certs.services.readiness import BAND_LABELS, season_rows, summarise
from coachready.org.models import Region

ROLE_LABELS = {"head_coach": "Head coach", "assistant_coach": "Assistant coach"}


class DashboardRow(NamedTuple):
    """One coach assignment as the dashboard lists and exports it."""

    assignment_id: int
    person_id: int
    name: str
    volunteer_id: str
    email: str
    team_id: int
    team: str
    division: str
    role: str
    overridden: bool
    eligible: bool
    band: str
    earliest_lapse: date | None
    unmet: tuple[str, ...]
    # (title, status) of each requirement not met, in the policy's order.
    missing: tuple[tuple[str, str], ...]
    region_number: int
    assignment_status: str = "active"

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def badge(self) -> str:
        return self.band if self.band in ("ready", "not_ready") else "due_soon"

    @property
    def status_label(self) -> str:
        if self.band == "ready":
            return "Ready"
        if self.band == "not_ready":
            return "Not ready"
        return f"Due by {self.earliest_lapse.isoformat()}" if self.earliest_lapse else BAND_LABELS[self.band]

    def as_export(self) -> dict[str, Any]:
        """The readiness-report columns plus email and the missing titles."""
        lapse = self.earliest_lapse
        return {
            "person": self.name, "volunteer_id": self.volunteer_id, "team": self.team, "division": self.division,
            "role": self.role, "eligible": self.eligible, "unmet": list(self.unmet),
            "earliest_lapse": lapse.isoformat() if lapse else None, "status": self.band,
            "region": self.region_number, "email": self.email, "missing": "; ".join(t for t, _ in self.missing),
        }


@dataclass(frozen=True)
class SeasonReadiness:
    rows: list[DashboardRow]
    summary: list[dict[str, Any]]


def _compute(season, as_of: date, divisions: tuple[str, ...]) -> SeasonReadiness:  # noqa: ANN001
    full = season_rows(season, as_of)
    rows = [
        DashboardRow(
            r.assignment_id, r.person_id, r.name, r.volunteer_id, r.email, r.team_id, r.team, r.division, r.role,
            r.overridden, r.eligible, r.band, r.earliest_lapse, r.unmet,
            tuple((s.title, s.status) for s in r.verdict.requirements if s.status != "met"), r.region_number,
            r.assignment_status,
        )
        for r in full
    ]
    return SeasonReadiness(rows, summarise(full, divisions))


def dashboard_key(region: Region, season, as_of: date, *, base: str | None = None) -> str:  # noqa: ANN001
    """The cache key of a season's dashboard data. Call it before reading
    any fact: it takes the region's readiness stamp (unless given `base`)."""
    return versions.readiness_key("season", region, as_of, season.pk, base=base)


def season_readiness(region: Region, season, as_of: date, policy, *, key: str | None = None) -> SeasonReadiness:  # noqa: ANN001
    """The season's dashboard rows and per-division summary on `as_of`,
    from the cache when nothing has changed since they were computed."""
    key = key or dashboard_key(region, season, as_of)
    # The season's region is the region asked for: no query to fetch it.
    season.region = region
    return versions.cached(f"{key}:rows", lambda: _compute(season, as_of, policy.divisions))
