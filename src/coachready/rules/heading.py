"""Heading in matches: who gets the free kick, and where (CONTRACTS.md section 2).

Sources: the seed page's heading section (AYSO National Board, 2016) and
Law 13.2 of the Laws of the Game. Coordinates are metres: `x` runs from 0 on
the goal line `home` defends to `field.length` on the one `away` defends;
`y` from 0 to `field.width` with the goals centred on `width / 2`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .english import contract_text
from .errors import InputError
from .policy import FieldSize, Policy
from .wording import Wording

TEAMS = ("home", "away")
# Boundary points count as inside; this absorbs float rounding of width/2.
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Spot:
    """A point on the field, in metres."""

    x: float
    y: float

    def to_dict(self) -> dict[str, float]:
        """The contract's `{"x", "y"}` object."""
        return {"x": self.x, "y": self.y}


@dataclass(frozen=True, slots=True)
class MatchRuling:
    """The restart after a header in a match, with the rules it rests on.

    `notes` are the machine text of `wordings`, one note each.
    """

    infringement: bool
    restart: str
    awarded_to: str | None
    spot: Spot | None
    anywhere_in_goal_area: bool
    misconduct_allowed: bool
    notes: tuple[str, ...]
    goal_area: str | None
    wordings: tuple[Wording, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The contract's match response."""
        return {
            "infringement": self.infringement,
            "restart": self.restart,
            "awarded_to": self.awarded_to,
            "spot": None if self.spot is None else self.spot.to_dict(),
            "anywhere_in_goal_area": self.anywhere_in_goal_area,
            "misconduct_allowed": self.misconduct_allowed,
            "notes": list(self.notes),
            "goal_area": self.goal_area,
        }


def check_field(size: FieldSize, path: str = "field") -> FieldSize:
    """`size` if its numbers make a field, else InputError naming the key."""
    for name in ("length", "width", "goal_area_depth", "goal_area_width"):
        value = getattr(size, name)
        if not math.isfinite(value) or value <= 0:
            raise InputError("invalid_value", f"{name} must be a positive number.", f"{path}.{name}")
    if size.goal_area_depth * 2 >= size.length:
        raise InputError(
            "invalid_value", "The two goal areas would overlap.", f"{path}.goal_area_depth"
        )
    if size.goal_area_width > size.width:
        raise InputError(
            "invalid_value", "The goal area is wider than the field.", f"{path}.goal_area_width"
        )
    return size


def check_on_field(offence: Spot, size: FieldSize, path: str = "offence") -> Spot:
    """`offence` if it lies on the field (lines included), else InputError(off_field)."""
    if not 0 <= offence.x <= size.length:
        raise InputError(
            "off_field", f"x must be between 0 and the field length {size.length}.", f"{path}.x"
        )
    if not 0 <= offence.y <= size.width:
        raise InputError(
            "off_field", f"y must be between 0 and the field width {size.width}.", f"{path}.y"
        )
    return offence


def goal_area_of(point: Spot, size: FieldSize) -> str | None:
    """Whose goal area `point` is in ("home", "away"), or None."""
    if abs(point.y - size.width / 2) > size.goal_area_width / 2 + _EPSILON:
        return None
    if point.x <= size.goal_area_depth + _EPSILON:
        return "home"
    if point.x >= size.length - size.goal_area_depth - _EPSILON:
        return "away"
    return None


def heading_match(
    *,
    division: str,
    offending_team: str,
    offence: Spot,
    deliberate: bool,
    policy: Policy,
    player_age: int | None = None,
    field: FieldSize | None = None,
) -> MatchRuling:
    """The restart for a header at `offence` by a player of `offending_team`.

    A deliberate header by a player aged `heading.sanction_max_age` (10) or
    younger gives the opponents the division's free kick (indirect in
    region-60) where it happened; `player_age` absent means the division's
    oldest age group decides. Law 13.2 then moves an indirect free kick to
    the attacking team out of the opponents' goal area, and lets a defending
    team take its free kick anywhere in its own goal area.
    """
    canonical = policy.division(division)
    if offending_team not in TEAMS:
        raise InputError("invalid_value", "offending_team must be home or away.", "offending_team")
    if player_age is not None and player_age < 0:
        raise InputError("invalid_value", "player_age must not be negative.", "player_age")
    rules = policy.division_rules[canonical]
    size = check_field(field) if field is not None else rules.field
    check_on_field(offence, size)
    area = goal_area_of(offence, size)
    settings = policy.heading
    max_age = settings.sanction_max_age
    age = player_age if player_age is not None else rules.ages[1]

    def note(code: str, **params: object) -> Wording:
        return Wording(code, params, policy)

    if not deliberate:
        return _no_offence(note("heading.not_deliberate"), area)
    if age > max_age:
        if rules.heading_match == "banned":
            wording = note(
                "heading.banned_over_age", division=canonical, player_age=player_age, max_age=max_age
            )
        else:
            wording = note("heading.unrestricted", division=canonical)
        return _no_offence(wording, area)

    awarded_to = "away" if offending_team == "home" else "home"
    restart = rules.sanction
    notes = [note(
        "heading.free_kick",
        restart=restart, max_age=max_age, player_age=player_age, division=canonical,
    )]
    spot = offence
    anywhere = False
    if area is not None and area == offending_team:
        # The awarded team attacks this goal area.
        if restart == "indirect_free_kick":
            line_x = size.goal_area_depth if area == "home" else size.length - size.goal_area_depth
            spot = Spot(line_x, offence.y)
            notes.append(note("heading.indirect_moved"))
        else:
            notes.append(note("heading.direct_where"))
    elif area is not None:
        anywhere = True
        notes.append(note("heading.defending_anywhere"))
    notes.append(note("heading.no_misconduct"))
    return MatchRuling(
        infringement=True,
        restart=restart,
        awarded_to=awarded_to,
        spot=spot,
        anywhere_in_goal_area=anywhere,
        misconduct_allowed=False,
        notes=tuple(contract_text(wording) for wording in notes),
        goal_area=area,
        wordings=tuple(notes),
    )


def _no_offence(note: Wording, area: str | None) -> MatchRuling:
    # No heading infringement: the heading policy restricts nothing, so the
    # Laws' usual misconduct rules stand.
    return MatchRuling(
        infringement=False,
        restart="none",
        awarded_to=None,
        spot=None,
        anywhere_in_goal_area=False,
        misconduct_allowed=True,
        notes=(contract_text(note),),
        goal_area=area,
        wordings=(note,),
    )
