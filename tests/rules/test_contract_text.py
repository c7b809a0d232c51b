"""The contracts' machine text does not move (CONTRACTS.md sections 1-4).

The engine explains with Wordings; the `message`, `reason` and `notes` the
command line, the JSON API and the Python API print are made from them by
`coachready.rules.english`. `contract_text.json` holds what those fields said
before Wordings existed, case by case, for both shipped policies run in one
process (as a mixed `--jsonl` batch runs them).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from coachready.rules import (
    HeadingSession,
    InputError,
    Record,
    Spot,
    crosscert,
    evaluate,
    heading_match,
    heading_practice_week,
    load_policy,
    path_to_ready,
    plan_season,
    prerequisite_message,
)

AS_OF = date(2026, 9, 1)
EXPECTED = json.loads((Path(__file__).parent / "contract_text.json").read_text(encoding="utf-8"))


def machine_texts() -> dict[str, str]:
    """Every kind of explanation the engine gives, keyed by case."""
    out: dict[str, str] = {}
    for name in ("region-60", "ayso-national"):
        policy = load_policy(name)
        records = [
            Record("safe_haven", date(2021, 5, 1)),
            Record("background_check", date(2025, 10, 1), risk_status="orange"),
            Record("safesport", date(2023, 6, 1)),
            Record("live_scan", date(2019, 1, 1), valid_until=date(2020, 1, 1)),
            Record("concussion", date(2027, 1, 1)),
            Record("referee_advanced", date(2020, 1, 1)),
            Record("coach_8u", date(2020, 1, 1)),
        ]
        for division in ("10U", "8U", "schoolyard", "14U"):
            for status in evaluate(records, division, "head_coach", AS_OF, policy).requirements:
                out[f"{name} {division} {status.code}"] = status.message
        two = [
            Record("coach_8u", date(2020, 1, 1)), Record("coach_12u", date(2020, 1, 1)),
            Record("background_check", date(2026, 7, 15), risk_status="red"),
            Record("safesport", date(2023, 10, 1)),
        ]
        for status in evaluate(two, "10U", "assistant_coach", AS_OF, policy).requirements:
            out[f"{name} two {status.code}"] = status.message
        for index, action in enumerate(path_to_ready(two, "16U", "head_coach", date(2026, 10, 1), AS_OF, policy)):
            out[f"{name} path {index} {action.code}"] = action.message
        out[f"{name} prerequisites"] = prerequisite_message(
            "coach_advanced", ("coach_12u", "coach_intermediate"), policy
        )
        for licence in ("ussf_d", "nscaa", "fa"):
            out[f"{name} licence {licence}"] = crosscert(licence, policy).reason
        for division in ("10U", "12U", "14U"):
            for age in (None, 9, 11):
                for deliberate in (True, False):
                    for x, y in ((3.0, 24.0), (61.0, 24.0), (30.0, 10.0)):
                        try:
                            ruling = heading_match(
                                division=division, offending_team="home", offence=Spot(x, y),
                                deliberate=deliberate, policy=policy, player_age=age,
                            )
                        except InputError:  # off a small division's field
                            continue
                        out[f"{name} match {division} {age} {deliberate} {x}"] = " | ".join(ruling.notes)
        for division in ("10U", "14U"):
            review = heading_practice_week(division, date(2026, 9, 7), [
                HeadingSession(date(2026, 9, 8), 32.5, {"p1": 16, "p2": 21, "p3": 1}),
            ], policy)
            out[f"{name} practice {division}"] = " | ".join(
                finding.message for finding in review.violations + review.warnings
            )
    plan = plan_season(date(2026, 9, 12), 12)
    out["schoolyard"] = " | ".join(session.to_dict()["note"] for session in plan.sessions)
    return out


def test_machine_text_is_what_the_contracts_always_said() -> None:
    found = machine_texts()
    assert found.keys() == EXPECTED.keys()
    changed = {key: (EXPECTED[key], found[key]) for key in EXPECTED if found[key] != EXPECTED[key]}
    assert not changed
