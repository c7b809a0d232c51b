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

from .errors import InputError
from .policy import Policy

_WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class HeadingSession:
    """One practice: heading minutes for the team and headers per player id."""

    date: date
    heading_minutes: float
    headers: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """A violation or warning, with a stable code and the player (or None)."""

    code: str
    message: str
    player: str | None

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
    source = limits.source
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

    violations: list[Finding] = []
    warnings: list[Finding] = []
    if rules.heading_practice == "banned":
        if total > 0:
            violations.append(Finding(
                "heading_banned",
                f"Heading is banned in {canonical} practices; {total:g} minutes of heading "
                f"were logged ({source}).",
                None,
            ))
        for player, count in headers.items():
            if count > 0:
                violations.append(Finding(
                    "heading_banned",
                    f"Heading is banned in {canonical}; this player headed the ball {count} "
                    f"times ({source}).",
                    player,
                ))
    elif rules.heading_practice == "limited":
        cap = limits.practice_minutes_per_week
        if total > cap:
            violations.append(Finding(
                "minutes_exceeded",
                f"{total:g} minutes of heading this week; {canonical} allows at most {cap} "
                f"minutes a week ({source}).",
                None,
            ))
        for player, count in headers.items():
            if count > limits.headers_limit:
                violations.append(Finding(
                    "headers_exceeded",
                    f"{count} headers this week; {canonical} allows no more than "
                    f"{limits.headers_limit} per player ({source}).",
                    player,
                ))
            elif count > limits.headers_warning_above:
                warnings.append(Finding(
                    "headers_high",
                    f"{count} headers this week: above {limits.headers_warning_above}, close "
                    f"to the limit of {limits.headers_limit} per player ({source}).",
                    player,
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
