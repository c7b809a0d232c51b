"""Reading values a request or a form gives, within their real range.

Input that cannot be a real value is answered with a clear message (or,
for ids, as an object that does not exist), never with a server error:
a 30-digit id overflows the database's integers, and a date in year 9999
overflows the date arithmetic of every rule that adds a validity period.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coachready.rules.jsonfields import MAX_YEAR, MIN_YEAR

# The largest id any table holds: BigAutoField is a signed 64-bit integer
# on both SQLite and PostgreSQL.
MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """`value` as a database id, or None when it cannot be one."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_ids(values: Iterable[object], *, limit: int = 5000) -> list[int]:
    """The values that can be database ids, at most `limit` of them; the rest are dropped."""
    found = []
    for value in values:
        number = parse_id(value)
        if number is not None:
            found.append(number)
            if len(found) >= limit:
                break
    return found


def validate_year(day: date) -> None:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(min)s and %(max)s."),
            code="date_out_of_range", params={"min": MIN_YEAR, "max": MAX_YEAR},
        )


def parse_date(value: object) -> date | None:
    """An ISO date (YYYY-MM-DD) within the years the product reads, or None."""
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


# What a browser's date input takes as its value, whatever the reader's
# language formats dates as (Chinese writes 1985/06/01).
ISO_DATE = "%Y-%m-%d"


class DateField(forms.DateField):
    """A form's date, held to the years a season, a record or a birth date can have."""

    default_validators = [validate_year]


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with every chosen id held to the database's range first: an
    `IN (…)` with a 30-digit number overflows SQLite's integers (a server
    error), where the answer is simply that no such choice exists."""

    def _check_values(self, value):  # noqa: ANN001, ANN202 - Django's signature
        for pk in value:
            if parse_id(pk) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk},
                )
        return super()._check_values(value)
