from __future__ import annotations

from datetime import date

import pytest

from coachready.org.models import Role
from tests.factories import certify, give_role, make_person

# A background check done on 2025-10-15 counts through 2026-10-14 and lapses
# on 2026-10-15; its 60-day reminder is due on 2026-08-16.
CHECK_DONE = date(2025, 10, 15)
SIXTY_DAYS_BEFORE = date(2026, 8, 16)


def records_with_check(done: date = CHECK_DONE, safesport: date = date(2025, 8, 1)):
    return (
        ("safe_haven", date(2020, 8, 1), {}),
        ("concussion", date(2020, 8, 1), {}),
        ("sudden_cardiac_arrest", date(2020, 8, 1), {}),
        ("safesport", safesport, {}),
        ("background_check", done, {"risk_status": "green"}),
        ("live_scan", date(2020, 8, 1), {}),
        ("referee_regional", date(2020, 8, 1), {}),
        ("coach_10u", date(2021, 3, 1), {}),
    )


@pytest.fixture
def make_coach():
    """`make_coach(region, first)`: a 10U coach whose check lapses 2026-10-15."""

    def _make(region, first="Lapsing", role=Role.COACH, done=CHECK_DONE, **records):
        person = make_person(region, first, "Coach")
        give_role(person, role, region=region, division="10U")
        certify(person, records_with_check(done, **records))
        return person

    return _make
