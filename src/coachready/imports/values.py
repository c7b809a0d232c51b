"""Reading single cells: text, dates, emails, and the formula guard.

A cell is only ever read as text or as a date. A cell that looks like a
spreadsheet formula (`=cmd|' /C calc'!A0`) is plain text to us; on export such
text is written with a leading apostrophe so a spreadsheet shows it instead
of running it, and the import drops that apostrophe again, so a round trip
gives back the same text.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext

# The exports write formula-like text with a leading apostrophe; reading
# their files back removes it.
from coachready.core.exports import FORMULA_STARTS

# Longer cells are refused: no name, email or course name comes near this,
# and it keeps a hostile file from filling the database with one cell.
MAX_CELL_CHARS = 300
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class CellError(ValueError):
    """A cell that cannot be read; the message names the problem."""


def cell_text(value: object) -> str:
    """A cell as stripped text. Excel keeps ids as numbers (12345678.0), so
    whole floats lose their ".0"; a date cell becomes ISO text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # Our own export escape: "'=SUM(A1)" was written for "=SUM(A1)".
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS:
        text = text[1:]
    return text.strip()


def clean_text(value: object, *, max_chars: int = MAX_CELL_CHARS) -> str:
    text = cell_text(value)
    if len(text) > max_chars:
        raise CellError(gettext("is %(length)s characters long; the limit is %(limit)s")
                        % {"length": len(text), "limit": max_chars})
    if _CONTROL.search(text):
        raise CellError(gettext("contains control characters"))
    return " ".join(text.split())




_DATE_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%m-%d-%Y", "%d-%b-%Y", "%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y",
)
_DATE_SHAPES = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), (0, 1, 2)),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), (0, 1, 2)),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), (2, 0, 1)),
    (re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), (2, 0, 1)),
)
# A time after the date ("2026-07-15 13:05:00", "7/15/2026 1:05 PM") is dropped.
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?$")


def parse_date(value: object) -> date | None:
    """A date from a cell: a date cell, ISO (2026-07-15), US (7/15/2026) or
    "15-Jul-2026"; None for an empty cell; CellError otherwise. Two-digit
    years are refused: 7/15/26 could be 1926 or 2026."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    if len(text) > 40:
        raise CellError(gettext("is not a date"))
    bare = _TIME_TAIL.sub("", text).strip()
    for pattern, (y, m, d) in _DATE_SHAPES:
        found = pattern.match(bare)
        if found:
            parts = found.groups()
            try:
                return date(int(parts[y]), int(parts[m]), int(parts[d]))
            except ValueError:
                raise CellError(gettext("%(value)s is not a real date") % {"value": repr(text)}) from None
    for fmt in _DATE_FORMATS[4:]:
        try:
            return datetime.strptime(bare, fmt).date()
        except ValueError:
            continue
    raise CellError(gettext("%(value)s is not a date; write it as 2026-07-15 or 7/15/2026") % {"value": repr(text)})


def check_date_range(day: date, *, today: date, what: str) -> date:
    if day.year < 1900:
        raise CellError(gettext("%(day)s is before 1900; check the %(what)s") % {"day": day.isoformat(), "what": what})
    if day > today:
        raise CellError(gettext("%(day)s is in the future; check the %(what)s")
                        % {"day": day.isoformat(), "what": what})
    return day


def parse_email(value: object) -> str:
    text = clean_text(value, max_chars=254)
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError:
        raise CellError(gettext("%(value)s is not an email address") % {"value": repr(text)}) from None
    return text


def looks_like_email(text: str) -> bool:
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def parse_volunteer_id(value: object) -> str:
    text = clean_text(value, max_chars=20)
    if text and not re.fullmatch(r"[0-9A-Za-z-]+", text):
        raise CellError(gettext("%(value)s is not a volunteer id (letters, digits and dashes only)")
                        % {"value": repr(text)})
    return text
