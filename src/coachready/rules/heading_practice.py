"""Heading in practice: one team's week checked against the limits.

Seed page (AYSO National Board, 2016): heading is banned for 12U and below in
practices; 14U may practise heading at most 30 minutes a week with no more
than 15-20 headers per player. Above 15 headers is a warning, above 20 a
violation; the numbers live in the policy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .english import contract_text
from .errors import InputError
from .policy import Policy
from .wording import Wording

_WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class HeadingSession:
    """One practice: heading minutes for the team and headers per player id."""

    date: date
    heading_minutes: float
    headers: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """A violation or warning, with a stable code and the player (or None).

    `message` is the machine text of `wording`.
    """

    code: str
    message: str
    player: str | None
    wording: Wording | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's `{"code", "message", "player"}` object."""
        return {"code": self.code, "message": self.message, "player": self.player}


@dataclass(frozen=True, slots=True)
class PracticeReview:
    """A practice week's compliance."""

    compliant: bool
    division: str
    week_of: date
    heading_minutes: float
    headers: Mapping[str, int]
    violations: tuple[Finding, ...]
    warnings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        """The contract's practice response (plus the week and per-player totals)."""
        return {
            "compliant": self.compliant,
            "division": self.division,
            "week_of": self.week_of.isoformat(),
            "heading_minutes": self.heading_minutes,
            "headers": dict(self.headers),
            "violations": [f.to_dict() for f in self.violations],
            "warnings": [f.to_dict() for f in self.warnings],
        }


def heading_practice_week(
    division: str, week_of: date, sessions: Sequence[HeadingSession], policy: Policy
) -> PracticeReview:
    """Check a week of practices (the 7 days from `week_of`) against the limits."""
    canonical = policy.division(division)
    rules = policy.division_rules[canonical]
    limits = policy.heading
    total: float = 0
    headers: dict[str, int] = {}
    for index, session in enumerate(sessions):
        path = f"sessions[{index}]"
        if not week_of <= session.date < week_of + _WEEK:
            raise InputError(
                "invalid_value",
                f"The session on {session.date} is outside the week of {week_of} "
                f"({week_of} to {week_of + _WEEK - timedelta(days=1)}).",
                f"{path}.date",
            )
        if session.heading_minutes < 0:
            raise InputError("invalid_value", "Minutes must not be negative.", f"{path}.heading_minutes")
        total += session.heading_minutes
        for player, count in session.headers.items():
            if count < 0:
                raise InputError(
                    "invalid_value", "Headers must not be negative.", f"{path}.headers.{player}"
                )
            headers[player] = headers.get(player, 0) + count

    def finding(code: str, wording_code: str, player: str | None, **params: object) -> Finding:
        wording = Wording(wording_code, {"division": canonical, **params}, policy)
        return Finding(code, contract_text(wording), player, wording)

    violations: list[Finding] = []
    warnings: list[Finding] = []
    if rules.heading_practice == "banned":
        if total > 0:
            violations.append(finding("heading_banned", "practice.banned_minutes", None, minutes=total))
        for player, count in headers.items():
            if count > 0:
                violations.append(
                    finding("heading_banned", "practice.banned_player", player, headers=count)
                )
    elif rules.heading_practice == "limited":
        cap = limits.practice_minutes_per_week
        if total > cap:
            violations.append(
                finding("minutes_exceeded", "practice.minutes_exceeded", None, minutes=total, limit=cap)
            )
        for player, count in headers.items():
            if count > limits.headers_limit:
                violations.append(finding(
                    "headers_exceeded", "practice.headers_exceeded", player,
                    headers=count, limit=limits.headers_limit,
                ))
            elif count > limits.headers_warning_above:
                warnings.append(finding(
                    "headers_high", "practice.headers_high", player, headers=count,
                    warning_above=limits.headers_warning_above, limit=limits.headers_limit,
                ))
    return PracticeReview(
        compliant=not violations,
        division=canonical,
        week_of=week_of,
        heading_minutes=total,
        headers=headers,
        violations=tuple(violations),
        warnings=tuple(warnings),
    )
