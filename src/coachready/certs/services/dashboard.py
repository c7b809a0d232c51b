"""The region readiness dashboard's data, and its one cache.

Everything the dashboard keeps lives under one key prefix per (region, day,
readiness stamp, policy) (`versions.readiness_base`), in Django's cache
(shared by every process when `CACHE_URL` names one):

- a season's rows, evaluated once and kept as small tuples of display
  values, so a filter, a page or an export of the same data costs no
  evaluation (the team list reads them too);
- the rendered page body per filter and page (nothing per user in it);
- for a short while, a session's whole page (its frame carries the user's
  menu and the session's sign-out token), so a busy dashboard costs its
  access check and stamp read.

Every write that changes readiness replaces the stamp
(`versions.bump_readiness_version`), so nothing stale is ever read back: a
new stamp is a new prefix, and the old entries expire.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from coachready.certs.services import versions
from coachready.certs.services.readiness import BAND_LABELS, season_rows, summarise
from coachready.org.models import Region
from coachready.teams.labels import team_name_label

ROLE_LABELS = {"head_coach": _("Head coach"), "assistant_coach": _("Assistant coach")}


class DashboardRow(NamedTuple):
    """One coach of the season's population as the dashboard lists and
    exports it: on a team, or awaiting one (`team_id` None)."""

    assignment_id: int | None
    person_id: int
    name: str
    volunteer_id: str
    email: str
    team_id: int | None
    team: str | None
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
    def on_team(self) -> bool:
        return self.team_id is not None

    @property
    def row_id(self) -> str:
        """Unique within a season's rows (an HTML id)."""
        return f"a{self.assignment_id}" if self.assignment_id is not None else f"p{self.person_id}-{self.role}"

    @property
    def role_label(self) -> str:
        return str(ROLE_LABELS.get(self.role, self.role))

    @property
    def team_label(self) -> str:
        """"10U Blue Hawks" on pages; the report keeps the team's name."""
        return team_name_label(self.division, self.team)

    @property
    def badge(self) -> str:
        return self.band if self.band in ("ready", "not_ready") else "due_soon"

    @property
    def status_label(self) -> str:
        if self.band in ("ready", "not_ready") or not self.earliest_lapse:
            return str(BAND_LABELS[self.band])
        return gettext("Due by %(day)s") % {"day": date_format(self.earliest_lapse, "Y-m-d")}

    def as_report(self) -> dict[str, Any]:
        """The `readiness-report` row: the dashboard's download has the
        command's columns (READINESS_REPORT)."""
        return {
            "person": self.name, "volunteer_id": self.volunteer_id, "team": self.team, "division": self.division,
            "role": self.role, "eligible": self.eligible, "unmet": list(self.unmet),
            "earliest_lapse": self.earliest_lapse, "status": self.band, "region": self.region_number,
        }


@dataclass(frozen=True)
class SeasonReadiness:
    rows: list[DashboardRow]
    summary: list[dict[str, Any]]


def _compute(region: Region, season, as_of: date, divisions: tuple[str, ...]) -> SeasonReadiness:  # noqa: ANN001
    full = season_rows(season, as_of, region=region)
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


def _digest(view: str) -> str:
    # Hashed: what a visitor types may hold characters or a length that a
    # cache key cannot (the database cache's keys are at most 255 long).
    return hashlib.blake2s(view.encode(), digest_size=16).hexdigest()


# How long a session's whole page is reused. The readiness in it is always
# current (the stamp is in the key); the frame's menu counts from other apps
# may lag by this much.
PAGE_SECONDS = 30


class DashboardCache:
    """The readiness dashboard's cache for one region on one day.

    Build it BEFORE reading any fact (it takes the region's readiness stamp
    unless the caller just read it): a write that commits in between then
    makes what is cached newer than its key, never older.
    """

    def __init__(self, region: Region, as_of: date, stamp: str | None = None) -> None:
        self.region = region
        self.as_of = as_of
        # Rows are sorted by name in the reader's language (org/names.py):
        # each language keeps its own copy.
        self.base = f"{versions.readiness_base(region, as_of, stamp)}:{get_language() or ''}"

    def _key(self, season, *parts: Any) -> str:  # noqa: ANN001
        return ":".join([self.base, "season", str(season.pk if season is not None else "none"), *map(str, parts)])

    def season(self, season, policy) -> SeasonReadiness:  # noqa: ANN001
        """The season's rows and per-division summary (`season` None: the
        coaches awaiting a team in a region with no season yet)."""
        if season is not None:
            # The season's region is the region asked for: no query to fetch it.
            season.region = self.region
        return versions.cached(self._key(season, "rows"),
                               lambda: _compute(self.region, season, self.as_of, policy.divisions))

    def page(self, season, view: str, render: Callable[[], str]) -> str:  # noqa: ANN001
        """A rendered part of the page for `view` (its normalised filters and
        page number; nothing per user), rendered by `render` when not kept."""
        return versions.cached(self._key(season, "html", _digest(view)), render)

    def whole_page(self, request, view: str, render: Callable[[], HttpResponse]) -> HttpResponse:  # noqa: ANN001
        """The session's whole page for `view`, rendered by `render` when not
        kept; never kept while a flash message waits or without a session."""
        session_key = request.session.session_key
        if not session_key or len(get_messages(request)):
            return render()
        who = hashlib.blake2s(session_key.encode(), digest_size=12).hexdigest()
        key = f"{self.base}:page:{who}:{_digest(view)}"
        content = cache.get(key)
        if content is not None:
            return HttpResponse(content)
        response = render()
        cache.set(key, response.content, PAGE_SECONDS)
        return response


def season_readiness(region: Region, season, as_of: date, policy) -> SeasonReadiness:  # noqa: ANN001
    """The season's dashboard rows and per-division summary on `as_of`,
    from the cache when nothing has changed since they were computed."""
    return DashboardCache(region, as_of).season(season, policy)
