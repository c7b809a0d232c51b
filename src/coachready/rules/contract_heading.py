"""The `heading` command's request: a match incident or a practice week.

The two kinds are told apart by `context` (CONTRACTS.md section 2); each has
its own set of allowed fields.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .contract_common import want_division, want_policy
from .errors import InputError
from .heading import Spot, check_field, heading_match
from .heading_practice import HeadingSession, heading_practice_week
from .jsonfields import (
    missing_field,
    unknown_field,
    want_bool,
    want_choice,
    want_date,
    want_int,
    want_list,
    want_number,
    want_object,
    want_str,
)
from .policy import FieldSize, Policy
from .policy_loader import DEFAULT_POLICY, load_policy

MATCH_FIELDS = frozenset({
    "context", "division", "player_age", "deliberate", "offending_team", "offence", "field",
    "policy",
})
PRACTICE_FIELDS = frozenset({"context", "division", "week_of", "sessions", "policy"})
FIELD_FIELDS = ("length", "width", "goal_area_depth", "goal_area_width")
SESSION_FIELDS = ("date", "heading_minutes", "headers")


def heading_response(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 2: a match restart or a practice week's compliance."""
    request = want_object(document, "")
    if "context" not in request:
        missing_field("context", "")
    context = want_choice(request["context"], ("match", "practice"), "context", "context")
    if context == "match":
        return _match(request)
    return _practice(request)


def _match(request: dict[str, Any]) -> dict[str, Any]:
    division = offending_team = offence = deliberate = None
    player_age: int | None = None
    field: dict[str, float] | None = None
    policy: Policy | None = None
    for key, value in request.items():
        if key == "context":
            continue
        if key == "division":
            division = want_division(value)
        elif key == "player_age":
            player_age = None if value is None else want_int(value, "player_age", 0, 99)
        elif key == "deliberate":
            deliberate = want_bool(value, "deliberate")
        elif key == "offending_team":
            offending_team = want_choice(value, ("home", "away"), "team", "offending_team")
        elif key == "offence":
            offence = _point(value, "offence")
        elif key == "field":
            field = None if value is None else _field(value)
        elif key == "policy":
            policy = want_policy(value)
        else:
            unknown_field(key, MATCH_FIELDS, "")
    for name, found in (
        ("division", division), ("deliberate", deliberate),
        ("offending_team", offending_team), ("offence", offence),
    ):
        if found is None:
            missing_field(name, "")
    assert division is not None and offending_team is not None and offence is not None
    policy = policy or load_policy(DEFAULT_POLICY)
    size = None
    if field is not None:
        # A partial field takes the rest from the division's default.
        default = policy.field_for(division).to_dict()
        size = check_field(FieldSize(**{**default, **field}))
    return heading_match(
        division=division,
        offending_team=offending_team,
        offence=offence,
        deliberate=bool(deliberate),
        policy=policy,
        player_age=player_age,
        field=size,
    ).to_dict()


def _point(value: Any, path: str) -> Spot:
    point = want_object(value, path)
    x = y = None
    for key, item in point.items():
        if key == "x":
            x = want_number(item, f"{path}.x")
        elif key == "y":
            y = want_number(item, f"{path}.y")
        else:
            unknown_field(key, ("x", "y"), path)
    if x is None:
        missing_field("x", path)
    if y is None:
        missing_field("y", path)
    return Spot(x, y)


def _field(value: Any) -> dict[str, float]:
    table = want_object(value, "field")
    size: dict[str, float] = {}
    for key, item in table.items():
        if key not in FIELD_FIELDS:
            unknown_field(key, FIELD_FIELDS, "field")
        size[key] = want_number(item, f"field.{key}")
        if size[key] <= 0:
            raise InputError("invalid_value", "Must be a positive number.", f"field.{key}")
    return size


def _practice(request: dict[str, Any]) -> dict[str, Any]:
    division = week_of = sessions = None
    policy: Policy | None = None
    for key, value in request.items():
        if key == "context":
            continue
        if key == "division":
            division = want_division(value)
        elif key == "week_of":
            week_of = want_date(value, "week_of")
        elif key == "sessions":
            items = want_list(value, "sessions")
            sessions = [_session(item, f"sessions[{i}]") for i, item in enumerate(items)]
        elif key == "policy":
            policy = want_policy(value)
        else:
            unknown_field(key, PRACTICE_FIELDS, "")
    if division is None:
        missing_field("division", "")
    if week_of is None:
        missing_field("week_of", "")
    if sessions is None:
        missing_field("sessions", "")
    review = heading_practice_week(division, week_of, sessions, policy or load_policy(DEFAULT_POLICY))
    return review.to_dict()


def _session(value: Any, path: str) -> HeadingSession:
    session = want_object(value, path)
    day: date | None = None
    minutes: float = 0
    headers: dict[str, int] = {}
    for key, item in session.items():
        if key == "date":
            day = want_date(item, f"{path}.date")
        elif key == "heading_minutes":
            minutes = want_number(item, f"{path}.heading_minutes", minimum=0)
        elif key == "headers":
            table = want_object(item, f"{path}.headers")
            for player, count in table.items():
                where = f"{path}.headers.{player}"
                if not player.strip():
                    raise InputError("invalid_value", "A player id must not be blank.", where)
                headers[want_str(player, where)] = want_int(count, where, 0)
        else:
            unknown_field(key, SESSION_FIELDS, path)
    if day is None:
        missing_field("date", path)
    return HeadingSession(day, minutes, headers)
