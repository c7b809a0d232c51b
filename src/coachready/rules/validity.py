"""How long a record counts (CONTRACTS.md section 1).

A record with an N-month validity completed on D counts from D through the
day before D's anniversary N months later; when that anniversary does not
exist (29 February, or the 31st of a short month) it is the month's last day,
so a check done on 2024-02-29 with 12 months counts through 2025-02-27.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date, timedelta

from .errors import InputError
from .jsonfields import MAX_YEAR, MIN_YEAR

_ONE_DAY = timedelta(days=1)
# (completed_on, months) -> last valid day; shared with the engine's hot loop.
VALIDITY_CACHE: dict[tuple[date, int], date] = {}
_cache = VALIDITY_CACHE


def add_months(day: date, months: int) -> date:
    """`day` moved `months` later, clamped to the end of a shorter month.
    InputError (invalid_date) past the calendar's end: contract input is
    held to MIN_YEAR..MAX_YEAR, but a caller of the Python API may pass any date."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    if not MINYEAR <= year <= MAXYEAR - 1:
        raise InputError("invalid_date", f"{day.isoformat()} is outside the years {MIN_YEAR} to {MAX_YEAR}.")
    try:
        return day.replace(year=year, month=month)
    except ValueError:
        # The day does not exist in that month: use the month's last day.
        following = date(year + (month == 12), month % 12 + 1, 1)
        return following - _ONE_DAY


def computed_valid_until(completed_on: date, months: int | None) -> date | None:
    """Last day a record completed on `completed_on` counts; None = one-time."""
    if months is None:
        return None
    key = (completed_on, months)
    found = _cache.get(key)
    if found is None:
        if len(_cache) > 200_000:
            # Bounded: bulk runs see a few thousand distinct dates at most.
            _cache.clear()
        found = _cache[key] = add_months(completed_on, months) - _ONE_DAY
    return found


def record_valid_until(
    completed_on: date, valid_until: date | None, months: int | None
) -> date | None:
    """The record's own `valid_until` when given, else the policy's validity."""
    if valid_until is not None:
        return valid_until
    return computed_valid_until(completed_on, months)


def counts_on(completed_on: date, valid_until: date | None, as_of: date) -> bool:
    """Whether a record counts on `as_of` (never before it was completed)."""
    return completed_on <= as_of and (valid_until is None or as_of <= valid_until)
