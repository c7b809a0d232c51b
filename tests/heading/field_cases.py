"""The table of heading requests the engine and the field kit's rules.js
are both checked against (field_cases.json): restarts after a header in a
match, and practice weeks against the limits.

`expected` is the engine's answer without its notes (the kit words its
notes in the reader's language). `python -m tests.heading.field_cases`
writes the table again after a deliberate change; test_field_cases.py
fails while it is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coachready.rules.errors import InputError
from tests.heading.engine import cli_heading

TABLE = Path(__file__).with_name("field_cases.json")
FIELD_10U = {"length": 64.0, "width": 46.0, "goal_area_depth": 5.5, "goal_area_width": 18.32}


def _match(division: str, team: str, x: float, y: float, *, deliberate: bool = True, age: int | None = None,
           field: dict[str, float] | None = None) -> dict[str, Any]:
    request: dict[str, Any] = {"context": "match", "division": division, "deliberate": deliberate,
                               "offending_team": team, "offence": {"x": x, "y": y}, "policy": "region-60"}
    if age is not None:
        request["player_age"] = age
    if field is not None:
        request["field"] = field
    return request


def _week(division: str, week_of: str, *sessions: tuple[str, float, dict[str, int]]) -> dict[str, Any]:
    return {"context": "practice", "division": division, "week_of": week_of, "policy": "region-60",
            "sessions": [{"date": d, "heading_minutes": m, "headers": h} for d, m, h in sessions]}


def requests() -> list[tuple[str, dict[str, Any]]]:
    return [
        ("contract example", _match("10U", "home", 3.0, 24.0, age=9, field=FIELD_10U)),
        ("home in own goal area: moved to the line", _match("10U", "home", 3.0, 24.0)),
        ("away in own goal area: moved to the line", _match("10U", "away", 61.0, 23.0)),
        ("away in home's goal area: anywhere", _match("10U", "away", 3.0, 24.0)),
        ("home in away's goal area: anywhere", _match("10U", "home", 60.0, 20.0)),
        ("midfield", _match("10U", "home", 32.0, 23.0)),
        ("on the goal-area line", _match("10U", "home", 5.5, 23.0)),
        ("on the goal-area side line", _match("10U", "home", 2.0, 23.0 + 9.16)),
        ("just outside the goal-area side line", _match("10U", "home", 2.0, 23.0 + 9.17)),
        ("corner of the field", _match("10U", "away", 0.0, 0.0)),
        ("far corner of the field", _match("10U", "home", 64.0, 46.0)),
        ("not deliberate", _match("10U", "home", 3.0, 24.0, deliberate=False)),
        ("8U midfield", _match("8U", "home", 16.0, 11.5)),
        ("8U in own goal area", _match("8U", "home", 1.0, 11.5)),
        ("6U", _match("6U", "away", 10.0, 10.0)),
        ("12U, player aged 11: play on", _match("12U", "home", 3.0, 30.0, age=11)),
        ("12U, player aged 10", _match("12U", "home", 3.0, 30.0, age=10)),
        ("12U, no age given", _match("12U", "home", 40.0, 30.0)),
        ("14U: heading allowed", _match("14U", "home", 3.0, 32.0)),
        ("14U, player aged 9", _match("14U", "away", 3.0, 32.0, age=9)),
        ("19U", _match("19U", "home", 50.0, 30.0)),
        ("older spelling U10", _match("U10", "home", 3.0, 24.0)),
        ("own field size", _match("10U", "home", 4.0, 20.0, field={"length": 50.0, "width": 30.0,
                                                                    "goal_area_depth": 5.0, "goal_area_width": 12.0})),
        ("off the field lengthwise", _match("10U", "home", 64.5, 24.0)),
        ("off the field crosswise", _match("10U", "home", 10.0, -0.5)),
        ("goal areas overlap", _match("10U", "home", 3.0, 4.0, field={
            "length": 10.0, "width": 30.0, "goal_area_depth": 5.0, "goal_area_width": 12.0})),
        ("unknown division", _match("11U", "home", 3.0, 24.0)),
        ("14U week within the limits", _week("14U", "2026-09-07", ("2026-09-08", 20, {"p-17": 12, "p-22": 9}))),
        ("14U week: 16 headers is a warning", _week("14U", "2026-09-07", ("2026-09-08", 10, {"p-1": 16}))),
        ("14U week: minutes over",
         _week("14U", "2026-09-07", ("2026-09-08", 20, {}), ("2026-09-10", 15, {"p-1": 3}))),
        ("14U week: headers over across two practices",
         _week("14U", "2026-09-07", ("2026-09-08", 10, {"p-1": 12, "p-2": 20}), ("2026-09-13", 10, {"p-1": 9}))),
        ("12U week: any heading is banned", _week("12U", "2026-09-07", ("2026-09-09", 5, {"p-3": 2, "p-4": 0}))),
        ("12U week without heading", _week("12U", "2026-09-07", ("2026-09-09", 0, {}))),
        ("16U week: no limit", _week("16U", "2026-09-07", ("2026-09-09", 90, {"p-3": 40}))),
        ("an empty week", _week("10U", "2026-09-07")),
        ("a session outside the week", _week("14U", "2026-09-07", ("2026-09-14", 5, {}))),
    ]


def expected(request: dict[str, Any]) -> dict[str, Any]:
    try:
        answer = cli_heading(request)
    except InputError as error:
        return {"error": {"code": error.code, "path": error.path}}
    if "error" in answer:
        return {"error": {"code": answer["error"]["code"], "path": answer["error"]["path"]}}
    answer.pop("notes", None)
    for finding in answer.get("violations", []) + answer.get("warnings", []):
        finding.pop("message")
    return answer


def build() -> dict[str, Any]:
    return {"cases": [{"name": name, "request": request, "expected": expected(request)}
                      for name, request in requests()]}


if __name__ == "__main__":
    TABLE.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
