"""How long a record counts: CONTRACTS.md section 1, at every boundary."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.rules import InputError, Record, add_months, computed_valid_until, evaluate

from .conftest import complete_records


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2026, 3, 31), 6, date(2026, 9, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 8, 1), 36, date(2029, 8, 1)),
    ],
)
def test_add_months_clamps_to_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("completed", "months", "last_valid_day"),
    [
        # N-month validity counts through the day before the anniversary.
        (date(2025, 9, 1), 12, date(2026, 8, 31)),
        (date(2025, 1, 1), 12, date(2025, 12, 31)),
        (date(2023, 9, 1), 36, date(2026, 8, 31)),
        # A 29 February anniversary is 28 February, so the day before is the 27th.
        (date(2024, 2, 29), 12, date(2025, 2, 27)),
        (date(2024, 2, 29), 36, date(2027, 2, 27)),
        # ... unless the anniversary is itself in a leap year.
        (date(2024, 2, 29), 48, date(2028, 2, 28)),
        (date(2023, 3, 1), 12, date(2024, 2, 29)),
        (date(2025, 12, 31), 12, date(2026, 12, 30)),
    ],
)
def test_computed_valid_until(completed: date, months: int, last_valid_day: date) -> None:
    assert computed_valid_until(completed, months) == last_valid_day


def test_one_time_never_lapses() -> None:
    assert computed_valid_until(date(1990, 1, 1), None) is None


def _background_status(region60, completed: date, as_of: date, **extra) -> tuple[str, date | None]:
    records = [r for r in complete_records("coach_10u") if r.requirement != "background_check"]
    records.append(Record("background_check", completed, **extra))
    status = evaluate(records, "10U", "head_coach", as_of, region60).status_of("background_check")
    return status.status, status.valid_until


@pytest.mark.parametrize(
    ("completed", "as_of", "status"),
    [
        (date(2025, 9, 1), date(2026, 8, 31), "met"),  # last valid day
        (date(2025, 9, 1), date(2026, 9, 1), "expired"),  # the anniversary
        (date(2024, 2, 29), date(2025, 2, 27), "met"),
        (date(2024, 2, 29), date(2025, 2, 28), "expired"),
        (date(2026, 9, 1), date(2026, 9, 1), "met"),  # counts from the day it was done
        (date(2026, 9, 2), date(2026, 9, 1), "expired"),  # dated after as_of: does not count
    ],
)
def test_background_check_annual_boundaries(region60, completed, as_of, status) -> None:
    assert _background_status(region60, completed, as_of)[0] == status


@pytest.mark.parametrize(
    ("completed", "as_of", "status"),
    [
        (date(2023, 9, 1), date(2026, 8, 31), "met"),
        (date(2023, 9, 1), date(2026, 9, 1), "expired"),
        (date(2024, 2, 29), date(2027, 2, 27), "met"),
        (date(2024, 2, 29), date(2027, 2, 28), "expired"),
    ],
)
def test_safesport_three_years_in_region_60(region60, completed, as_of, status) -> None:
    records = [r for r in complete_records("coach_10u") if r.requirement != "safesport"]
    records.append(Record("safesport", completed))
    verdict = evaluate(records, "10U", "head_coach", as_of, region60)
    assert verdict.status_of("safesport").status == status


def test_safesport_is_twelve_months_nationally(national) -> None:
    records = [Record("safesport", date(2025, 9, 1))]
    on_last_day = evaluate(records, "10U", "head_coach", date(2026, 8, 31), national)
    day_after = evaluate(records, "10U", "head_coach", date(2026, 9, 1), national)
    assert on_last_day.status_of("safesport").status == "met"
    assert day_after.status_of("safesport").status == "expired"


@pytest.mark.parametrize(
    ("valid_until", "as_of", "status"),
    [
        (date(2027, 7, 31), date(2027, 7, 31), "met"),
        (date(2027, 7, 31), date(2027, 8, 1), "expired"),
        # An explicit valid_until can also shorten the policy's validity.
        (date(2025, 1, 1), date(2025, 6, 1), "expired"),
    ],
)
def test_record_valid_until_overrides_policy(region60, valid_until, as_of, status) -> None:
    records = [Record("safesport", date(2024, 8, 1), valid_until=valid_until)]
    verdict = evaluate(records, "10U", "head_coach", as_of, region60)
    assert verdict.status_of("safesport").status == status
    assert verdict.status_of("safesport").valid_until == valid_until


def test_one_time_record_counts_decades_later(region60) -> None:
    verdict = evaluate([Record("safe_haven", date(2001, 5, 1))], "10U", "head_coach", date(2060, 1, 1), region60)
    status = verdict.status_of("safe_haven")
    assert (status.status, status.valid_until) == ("met", None)


def test_the_record_that_counts_longest_wins(region60) -> None:
    old = Record("background_check", date(2025, 10, 1), ref="old")
    new = Record("background_check", date(2026, 7, 15), ref="new")
    lapsed = Record("background_check", date(2024, 1, 1), ref="lapsed")
    for order in ([old, new, lapsed], [lapsed, new, old], [new, old, lapsed]):
        status = evaluate(order, "10U", "head_coach", date(2026, 9, 1), region60).status_of("background_check")
        assert status.record is not None and status.record.ref == "new"
        assert status.valid_until == date(2027, 7, 14)


def test_one_time_beats_a_dated_record(region60) -> None:
    dated = Record("safe_haven", date(2026, 1, 1), valid_until=date(2026, 12, 31), ref="dated")
    forever = Record("safe_haven", date(2020, 1, 1), ref="forever")
    status = evaluate([dated, forever], "10U", "head_coach", date(2026, 9, 1), region60).status_of("safe_haven")
    assert status.record is not None and status.record.ref == "forever"
    assert status.valid_until is None


@pytest.mark.parametrize(("day", "months"), [(date(9999, 12, 1), 1), (date(9999, 6, 30), 12), (date(9998, 1, 31), 36)])
def test_validity_past_the_calendar_is_a_contract_error(day: date, months: int) -> None:
    with pytest.raises(InputError) as caught:
        computed_valid_until(day, months)
    assert caught.value.code == "invalid_date"
