"""Synthetic eligibility requests, deterministic for a seed."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

DIVISIONS = ["schoolyard", "6U", "8U", "10U", "12U", "14U", "16U", "19U"]
COURSES = {
    "schoolyard": "coach_schoolyard",
    "6U": "coach_6u",
    "8U": "coach_8u",
    "10U": "coach_10u",
    "12U": "coach_12u",
    "14U": "coach_intermediate",
    "16U": "coach_advanced",
    "19U": "coach_advanced",
}
ONE_TIME = ["safe_haven", "concussion", "sudden_cardiac_arrest", "live_scan", "referee_regional"]


def _day(rng: random.Random, start: date, end: date) -> str:
    return (start + timedelta(days=rng.randint(0, (end - start).days))).isoformat()


def eligibility_case(rng: random.Random) -> dict:
    division = rng.choice(DIVISIONS)
    records = []
    for code in ONE_TIME:
        if rng.random() < 0.9:
            records.append(
                {"requirement": code, "completed_on": _day(rng, date(2015, 1, 1), date(2026, 7, 1))}
            )
    if rng.random() < 0.85:
        records.append(
            {"requirement": "safesport", "completed_on": _day(rng, date(2023, 1, 1), date(2026, 7, 1))}
        )
    if rng.random() < 0.93:
        records.append(
            {
                "requirement": "background_check",
                "completed_on": _day(rng, date(2025, 6, 1), date(2026, 8, 1)),
                "risk_status": rng.choice(["green"] * 20 + ["yellow", "orange"]),
            }
        )
    if rng.random() < 0.8:
        records.append(
            {"requirement": COURSES[division], "completed_on": _day(rng, date(2016, 1, 1), date(2026, 7, 1))}
        )
    return {
        "as_of": "2026-09-01",
        "division": division,
        "role": rng.choice(["head_coach", "assistant_coach"]),
        "records": records,
    }


def eligibility_lines(count: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    return "".join(json.dumps(eligibility_case(rng)) + "\n" for _ in range(count)).encode()
