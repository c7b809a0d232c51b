"""Typed, key-tracking reads from parsed TOML, for validating policy data.

Every read names its full key, so a bad profile fails with the file and the
key ("policies/region-60.toml: requirements.safesport.validity_months: must
not be negative") rather than a KeyError deep in the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import PolicyError


class Table:
    """One TOML table; reads mark keys as used so leftovers can be refused."""

    def __init__(self, data: Mapping[str, Any], key: str, source: str) -> None:
        self.data = data
        self.key = key
        self.source = source
        self._used: set[str] = set()

    def _name(self, key: str) -> str:
        return f"{self.key}.{key}" if self.key else key

    def fail(self, key: str, problem: str) -> PolicyError:
        """A PolicyError for `key` of this table."""
        return PolicyError(self.source, self._name(key), problem)

    def has(self, key: str) -> bool:
        """Whether `key` is present."""
        return key in self.data

    def _get(self, key: str, default: Any = ...) -> Any:
        self._used.add(key)
        if key not in self.data:
            if default is ...:
                raise self.fail(key, "missing")
            return default
        return self.data[key]

    def text(self, key: str, default: Any = ...) -> Any:
        """A string value (or `default` when absent)."""
        value = self._get(key, default)
        if value is not default and not isinstance(value, str):
            raise self.fail(key, "must be a string")
        return value

    def flag(self, key: str, default: Any = ...) -> Any:
        """A boolean value."""
        value = self._get(key, default)
        if value is not default and not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def whole(self, key: str, default: Any = ..., minimum: int = 0) -> Any:
        """An integer at least `minimum` (periods and limits are never negative)."""
        value = self._get(key, default)
        if value is default:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "must be a whole number")
        if value < minimum:
            raise self.fail(key, "must not be negative" if minimum == 0 else f"must be at least {minimum}")
        return value

    def number(self, key: str) -> float:
        """A positive number (int or float)."""
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
            raise self.fail(key, "must be a positive number")
        return float(value)

    def texts(self, key: str, default: Any = ..., choices: tuple[str, ...] | None = None) -> Any:
        """A list of strings, each one of `choices` when given."""
        value = self._get(key, default)
        if value is default:
            return value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of strings")
        if choices is not None:
            for item in value:
                if item not in choices:
                    raise self.fail(key, f"unknown code {item!r}")
        return tuple(value)

    def wholes(self, key: str, default: Any = ...) -> Any:
        """A list of non-negative integers."""
        value = self._get(key, default)
        if value is default:
            return value
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value
        ):
            raise self.fail(key, "must be a list of non-negative whole numbers")
        return tuple(value)

    def choice(self, key: str, choices: tuple[str, ...], default: Any = ...) -> Any:
        """A string that must be one of `choices`."""
        value = self.text(key, default)
        if value is not default and value not in choices:
            raise self.fail(key, f"unknown value {value!r}; expected one of {', '.join(choices)}")
        return value

    def table(self, key: str, default: Any = ...) -> Table:
        """A sub-table."""
        value = self._get(key, default)
        if value is default:
            value = {}
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return Table(value, self._name(key), self.source)

    def tables(self, key: str) -> list[Table]:
        """An array of tables."""
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "must be an array of tables")
        return [Table(v, f"{self._name(key)}[{i}]", self.source) for i, v in enumerate(value)]

    def codes(self) -> list[str]:
        """All keys, marking them used (for tables keyed by codes)."""
        self._used.update(self.data)
        return list(self.data)

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt key must not pass silently."""
        for key in self.data:
            if key not in self._used:
                raise self.fail(key, "unknown key")
