"""When a reminder point is due: a table of dates around one lapse."""

from datetime import date

import pytest

from coachready.notify.schedule import days_to_lapse, lapses_on, reminder_point

POINTS = (60, 30, 7, 0)
VALID_UNTIL = date(2026, 10, 14)  # lapses 2026-10-15


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 8, 15), None),  # 61 days before the lapse day
        (date(2026, 8, 16), 60),  # exactly 60 days before
        (date(2026, 8, 19), 60),  # caught up within 3 days
        (date(2026, 8, 20), None),  # too late for the 60-day point
        (date(2026, 9, 15), 30),
        (date(2026, 10, 8), 7),
        (date(2026, 10, 11), 7),  # caught up within 3 days
        (date(2026, 10, 14), None),  # the last valid day: the 7-day point is long past
        (date(2026, 10, 15), 0),  # the day it lapses
        (date(2026, 10, 18), 0),  # a missed lapse notice is caught up
        (date(2026, 10, 19), None),
    ],
)
def test_reminder_points(as_of, expected):
    assert reminder_point(POINTS, VALID_UNTIL, as_of) == expected


def test_lapse_day_is_the_day_after_the_last_valid_day():
    assert lapses_on(VALID_UNTIL) == date(2026, 10, 15)
    assert days_to_lapse(VALID_UNTIL, date(2026, 10, 14)) == 1
    assert days_to_lapse(VALID_UNTIL, date(2026, 10, 15)) == 0


def test_without_a_zero_point_a_lapsed_record_gets_nothing():
    assert reminder_point((60, 30), VALID_UNTIL, date(2026, 10, 15)) is None


def test_catch_up_can_be_switched_off():
    assert reminder_point(POINTS, VALID_UNTIL, date(2026, 8, 17), catch_up=0) is None
    assert reminder_point(POINTS, VALID_UNTIL, date(2026, 8, 16), catch_up=0) == 60


def test_29_february():
    assert reminder_point(POINTS, date(2028, 2, 28), date(2028, 2, 22)) == 7
    assert reminder_point(POINTS, date(2028, 2, 29), date(2028, 3, 1)) == 0
