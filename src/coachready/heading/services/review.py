"""A team's practice weeks checked by the rules engine.

Each week is turned into the contract's practice request (CONTRACTS.md
section 2) and handed to the engine, so the page says exactly what
`coachready heading` says for the same week. Facts are loaded with two
queries whatever the number of teams, practices or players.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from coachready.heading.models import PlayerHeaders, Practice
from coachready.rules.errors import InputError
from coachready.rules.heading_practice import Finding, HeadingSession, PracticeReview, heading_practice_week
from coachready.teams.models import Team


def week_start(day: date) -> date:
    """The Monday of `day`'s week: heading limits count per Monday-Sunday week."""
    return day - timedelta(days=day.weekday())


def practice_request(division: str, week_of: date, practices: Sequence[Practice],
                     headers: dict[int, dict[str, int]]) -> dict[str, Any]:
    """The contract's practice request for one team's week."""
    return {
        "context": "practice",
        "division": division,
        "week_of": week_of.isoformat(),
        "sessions": [
            {"date": p.date.isoformat(), "heading_minutes": p.heading_minutes, "headers": headers.get(p.pk, {})}
            for p in practices
        ],
    }


def evaluate_request(request: dict[str, Any], policy) -> dict[str, Any]:  # noqa: ANN001
    """Run a practice request through the engine; the contract's response."""
    return review_request(request, policy).to_dict()


def review_request(request: dict[str, Any], policy) -> PracticeReview:  # noqa: ANN001
    """The engine's review of a practice request, findings with their Wordings."""
    sessions = [
        HeadingSession(date.fromisoformat(s["date"]), s["heading_minutes"], dict(s["headers"]))
        for s in request["sessions"]
    ]
    return heading_practice_week(request["division"], date.fromisoformat(request["week_of"]), sessions, policy)


@dataclass
class Week:
    """One team's week: its practices, the request sent and the engine's answer."""

    team: Team
    week_of: date
    practices: list[Practice]
    request: dict[str, Any]
    result: dict[str, Any] = field(default_factory=dict)
    review: PracticeReview | None = None

    @property
    def violations(self) -> list[Finding] | list[dict[str, Any]]:
        """The engine's violations (each with its Wording), for pages."""
        return list(self.review.violations) if self.review is not None else self.result["violations"]

    @property
    def warnings(self) -> list[Finding] | list[dict[str, Any]]:
        return list(self.review.warnings) if self.review is not None else self.result["warnings"]

    def player_totals(self, names: dict[str, str]) -> list[tuple[str, str, int, str]]:
        """(display name, player id, headers this week, status) per player,
        the status taken from the engine's findings for that player."""
        flagged = {f["player"]: "violation" for f in self.result["violations"] if f["player"]}
        for f in self.result["warnings"]:
            if f["player"]:
                flagged.setdefault(f["player"], "warning")
        return sorted(
            (names.get(pid, pid), pid, count, flagged.get(pid, "ok"))
            for pid, count in self.result.get("headers", {}).items()
        )

    @property
    def week_end(self) -> date:
        return self.week_of + timedelta(days=6)

    @property
    def rows(self) -> list[tuple[Practice, dict[str, Any]]]:
        """Each practice with the session the engine saw for it."""
        return list(zip(self.practices, self.request["sessions"], strict=True))

    @property
    def status(self) -> str:
        if self.result["violations"]:
            return "violation"
        return "warning" if self.result["warnings"] else "compliant"


def _headers_by_practice(practice_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    found: dict[int, dict[str, int]] = defaultdict(dict)
    rows = PlayerHeaders.objects.filter(practice_id__in=list(practice_ids)).values_list(
        "practice_id", "player__local_id", "headers"
    )
    for practice_id, local_id, count in rows:
        found[practice_id][local_id] = count
    return found


def weeks_for(practices: Iterable[Practice], policy) -> list[Week]:  # noqa: ANN001
    """Group practices (with `team` loaded) by team and week, and check each week."""
    practices = list(practices)
    headers = _headers_by_practice(p.pk for p in practices)
    grouped: dict[tuple[int, date], list[Practice]] = defaultdict(list)
    for practice in practices:
        grouped[(practice.team_id, week_start(practice.date))].append(practice)
    weeks = []
    for (_team_id, week_of), items in grouped.items():
        items.sort(key=lambda p: (p.date, p.pk))
        team = items[0].team
        request = practice_request(team.division, week_of, items, headers)
        week = Week(team, week_of, items, request)
        try:
            week.review = review_request(request, policy)
            week.result = week.review.to_dict()
        except InputError as exc:
            # A team whose division the region's policy does not know: say so
            # instead of hiding the week.
            week.result = {"compliant": False, "heading_minutes": sum(p.heading_minutes for p in items),
                           "violations": [{"code": exc.code, "message": exc.message, "player": None}],
                           "warnings": [], "headers": {}}
        weeks.append(week)
    weeks.sort(key=lambda w: (w.team.name, w.week_of))
    return weeks


def team_weeks(team: Team, policy) -> list[Week]:  # noqa: ANN001
    """Every logged week of `team`, newest first."""
    practices = Practice.objects.filter(team=team).select_related("team")
    return sorted(weeks_for(practices, policy), key=lambda w: w.week_of, reverse=True)


def region_violations(region, start: date, end: date, policy) -> list[Week]:  # noqa: ANN001
    """Weeks with a violation, for every team of `region`, in the weeks from
    `start` to `end` (whole Monday-Sunday weeks); ordered by team, then week."""
    practices = Practice.objects.filter(
        team__season__region=region, date__gte=week_start(start),
        date__lte=week_start(end) + timedelta(days=6),
    ).select_related("team")
    return [w for w in weeks_for(practices, policy) if w.result["violations"]]
