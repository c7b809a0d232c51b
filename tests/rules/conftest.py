"""Shared helpers for the rules engine's tests: no Django, no database."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.rules import Policy, Record, load_policy

AS_OF = date(2026, 9, 1)

# Everything a Region 60 coach needs except the division's course.
BASE_CODES = (
    "safe_haven", "concussion", "sudden_cardiac_arrest", "live_scan", "referee_regional",
)


def complete_records(course: str | None = None, on: date = date(2026, 6, 1)) -> list[Record]:
    """Records that meet every Region 60 requirement on AS_OF, plus `course`."""
    records = [Record(code, date(2020, 1, 15)) for code in BASE_CODES]
    records.append(Record("safesport", on))
    records.append(Record("background_check", on, risk_status="green"))
    if course is not None:
        records.append(Record(course, date(2019, 3, 2)))
    return records


@pytest.fixture(scope="session")
def region60() -> Policy:
    return load_policy("region-60")


@pytest.fixture(scope="session")
def national() -> Policy:
    return load_policy("ayso-national")
