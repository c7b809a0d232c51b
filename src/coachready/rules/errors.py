"""The engine's two error types.

`InputError` is the one error a caller's bad input produces, everywhere: the
Python API, the command line and the HTTP API all render it as the contract's
error object `{"error": {"code", "message", "path"}}` (CONTRACTS.md section 0).
`PolicyError` is a broken policy profile: a programming or configuration
mistake, reported with the file and the key so an administrator can fix it.
"""

from __future__ import annotations

from typing import Any


class InputError(Exception):
    """Invalid input, with a stable machine `code`, words, and the field's path.

    Codes: invalid_json, not_an_object, unknown_field, missing_field,
    invalid_type, invalid_date, invalid_value, off_field, too_large.
    `path` names the first bad field (`records[2].completed_on`); it is ""
    for the document as a whole.
    """

    def __init__(self, code: str, message: str, path: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def to_dict(self) -> dict[str, Any]:
        """The contract's error object."""
        return {"error": {"code": self.code, "message": self.message, "path": self.path}}

    def __repr__(self) -> str:
        return f"InputError({self.code!r}, {self.message!r}, {self.path!r})"


class PolicyError(Exception):
    """A policy profile that cannot be used, naming the file and the key."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        super().__init__(f"{source}: {key}: {problem}")
        self.source = source
        self.key = key
        self.problem = problem
