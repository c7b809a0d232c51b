"""Strict reading of JSON request fields, naming the path of the first bad one.

JSON documents are read with `load_json` (size cap, no NaN or Infinity) and
their fields with the `want_*` helpers, which raise `InputError` with a
stable code and a path like `records[2].completed_on` (CONTRACTS.md 0).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date
from typing import Any, NoReturn

from .errors import InputError

# The years a season, a record or a birth date can fall in. Far dates are
# typos, and date arithmetic near year 9999 would overflow.
MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_BODY_BYTES = 1_000_000  # one request document: 1 MB
MAX_LINE_BYTES = 64_000  # one --jsonl line: 64 KB

date_cache: dict[str, date] = {}


def _refuse_constant(name: str) -> NoReturn:
    # json.loads would accept NaN and Infinity, which JSON itself does not.
    raise ValueError(f"{name} is not a JSON number")


_decode = json.JSONDecoder(parse_constant=_refuse_constant).decode


def load_json(data: bytes | str, limit: int = MAX_BODY_BYTES) -> Any:
    """Parse one JSON document (UTF-8, BOM allowed) of at most `limit` bytes."""
    if len(data) > limit:
        raise InputError("too_large", f"The input is larger than {limit} bytes.", "")
    try:
        if isinstance(data, bytes):
            data = data.decode("utf-8-sig" if data[:3] == b"\xef\xbb\xbf" else "utf-8")
        return _decode(data)
    except RecursionError:
        raise InputError("invalid_json", "The input is nested too deeply.", "") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            "invalid_json", f"Not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).", ""
        ) from None
    except ValueError as exc:  # bad UTF-8, NaN, Infinity
        raise InputError("invalid_json", f"Not valid JSON: {exc}.", "") from None


def join(path: str, key: str) -> str:
    """The path of `key` inside the object at `path`."""
    return f"{path}.{key}" if path else key


def fail_type(value: Any, expected: str, path: str) -> NoReturn:
    """Raise invalid_type (not_an_object for a document that is not an object)."""
    if not path and expected == "an object":
        raise InputError("not_an_object", "The input must be a JSON object.", path)
    raise InputError("invalid_type", f"Expected {expected}, got {_kind(value)}.", path)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def want_object(value: Any, path: str) -> dict[str, Any]:
    """`value` as a JSON object."""
    if type(value) is not dict:
        fail_type(value, "an object", path)
    return value


def unknown_field(key: str, allowed: Iterable[str], path: str) -> NoReturn:
    """Raise unknown_field for `key`, listing the fields that are allowed."""
    raise InputError(
        "unknown_field",
        f"Unknown field {key!r}; allowed: {', '.join(sorted(allowed))}.",
        join(path, key),
    )


def missing_field(key: str, path: str) -> NoReturn:
    """Raise missing_field for a required `key`."""
    raise InputError("missing_field", f"The field {key!r} is required.", join(path, key))


def want_str(value: Any, path: str) -> str:
    """`value` as a string."""
    if type(value) is not str:
        fail_type(value, "a string", path)
    return value


def want_choice(value: Any, choices: Iterable[str], what: str, path: str) -> str:
    """A string that must be one of `choices`."""
    text = want_str(value, path)
    if text not in choices:
        raise InputError(
            "invalid_value", f"Unknown {what} {text!r}; use one of {', '.join(choices)}.", path
        )
    return text


def want_bool(value: Any, path: str) -> bool:
    """`value` as true or false (not 0 or 1)."""
    if type(value) is not bool:
        fail_type(value, "true or false", path)
    return value


def want_int(value: Any, path: str, minimum: int | None = 0, maximum: int | None = None) -> int:
    """A whole number (booleans are refused) within the bounds."""
    if type(value) is not int:
        if type(value) is float and value.is_integer():
            value = int(value)
        else:
            fail_type(value, "a whole number", path)
    if minimum is not None and value < minimum:
        raise InputError("invalid_value", f"Must be at least {minimum}.", path)
    if maximum is not None and value > maximum:
        raise InputError("invalid_value", f"Must be at most {maximum}.", path)
    return int(value)


def want_number(value: Any, path: str, minimum: float | None = None) -> float:
    """A finite number (booleans are refused), at least `minimum` when given."""
    if type(value) is not int and type(value) is not float:
        fail_type(value, "a number", path)
    if not math.isfinite(value):
        raise InputError("invalid_value", "Must be a finite number.", path)
    if minimum is not None and value < minimum:
        message = "Must not be negative." if minimum == 0 else f"Must be at least {minimum}."
        raise InputError("invalid_value", message, path)
    return value


def want_list(value: Any, path: str) -> list[Any]:
    """`value` as a JSON array."""
    if type(value) is not list:
        fail_type(value, "an array", path)
    return value


def check_year(day: date, path: str) -> date:
    """`day`, when it falls within the years MIN_YEAR to MAX_YEAR."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InputError(
            "invalid_date", f"{day.isoformat()} is outside the years {MIN_YEAR} to {MAX_YEAR}.", path
        )
    return day


def want_date(value: Any, path: str) -> date:
    """An ISO `YYYY-MM-DD` date that exists (2026-02-30 does not)."""
    found = date_cache.get(value) if type(value) is str else None
    if found is not None:
        return found
    text = want_str(value, path)
    if not (
        len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii()
        and text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit()
    ):
        raise InputError("invalid_date", f"{text!r} is not a YYYY-MM-DD date.", path)
    try:
        found = date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        raise InputError("invalid_date", f"{text!r} is not a day of the calendar.", path) from None
    check_year(found, path)
    if len(date_cache) > 100_000:
        date_cache.clear()
    date_cache[text] = found
    return found
