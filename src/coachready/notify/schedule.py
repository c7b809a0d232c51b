"""When a reminder is due, as a pure function of dates.

Words used here and in the emails, the same as the engine's: `valid_until`
is the last day a record counts; the record *lapses* on the next day, the
first day it no longer counts (the engine says "lapsed on valid_until + 1").

A reminder point `d` (a number of days from the policy's `reminder_days`,
60, 30, 7 and 0 by default) is reached on the day `d` days before the lapse
day: the 60-day reminder of a check valid until 2026-10-14 (lapsing
2026-10-15) is due on 2026-08-16, and the 0-day reminder on 2026-10-15 itself,
the day it lapses.

A run that missed a day (the scheduler was down) catches up: the most recent
point reached within the last CATCH_UP_DAYS days is still due, and the
sent-reminder key (person, requirement, valid_until, point) keeps it from
ever going out twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

CATCH_UP_DAYS = 3


def lapses_on(valid_until: date) -> date:
    return valid_until + timedelta(days=1)


def days_to_lapse(valid_until: date, as_of: date) -> int:
    """Days from `as_of` to the lapse day: 1 on the last valid day, 0 on the
    lapse day, negative after it."""
    return (lapses_on(valid_until) - as_of).days


def reminder_point(
    points: Iterable[int], valid_until: date, as_of: date, *, catch_up: int = CATCH_UP_DAYS
) -> int | None:
    """The reminder point due on `as_of` for a record valid until
    `valid_until`, or None. Once lapsed only the 0-day point can be due."""
    days = days_to_lapse(valid_until, as_of)
    reached = [d for d in points if d >= days and (days > 0 or d == 0)]
    if not reached:
        return None
    point = min(reached)
    return point if point - days <= catch_up else None
