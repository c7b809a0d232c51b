"""The data of an eligibility verdict: records in, statuses and a verdict out.

Plain immutable values; the logic that fills them lives in `eligibility`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, Protocol

from .wording import Wording


@dataclass(frozen=True, slots=True)
class Record:
    """One completed requirement on a person's record.

    `valid_until` (last day it counts) overrides the policy's validity.
    `risk_status` applies to background checks only; absent means green.
    `ref` is the caller's own handle (a database id, say); the engine never
    looks at it but hands the winning record back in `RequirementStatus.record`.
    """

    requirement: str
    completed_on: date
    valid_until: date | None = None
    risk_status: str | None = None
    source: str = ""
    ref: object = None


class RecordLike(Protocol):
    """What the engine reads from a record (`Record`, or a caller's own row)."""

    @property
    def requirement(self) -> str: ...
    @property
    def completed_on(self) -> date: ...
    @property
    def valid_until(self) -> date | None: ...
    @property
    def risk_status(self) -> str | None: ...
    @property
    def ref(self) -> object: ...


class RequirementStatus(NamedTuple):
    """One requirement's outcome.

    `status` is "met", "missing" (no record), "expired" (records exist, none
    counts on the day) or "blocked" (a record exists but cannot count, e.g. a
    risk status that forbids coaching). `record` is the record that met it
    (or the one that lapsed or is blocked). `message` is the contract's
    machine text; `wording` is the same explanation as a code and parameters,
    which pages render in the reader's language. An immutable tuple: verdicts are
    built in bulk, and a tuple is several times cheaper than a dataclass.
    """

    code: str
    title: str
    status: str
    valid_until: date | None
    satisfied_by: str | None
    message: str
    record: RecordLike | None
    due_soon: bool
    wording: Wording

    def to_dict(self) -> dict[str, Any]:
        """The contract's requirement object."""
        valid_until = self.valid_until
        return {
            "code": self.code,
            "title": self.title,
            "status": self.status,
            "valid_until": None if valid_until is None else valid_until.isoformat(),
            "satisfied_by": self.satisfied_by,
            "message": self.message,
            "due_soon": self.due_soon,
        }


class Expiring(NamedTuple):
    """A met requirement that lapses within the policy's warning window."""

    code: str
    valid_until: date


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer for one person, role and division on one day."""

    eligible: bool
    as_of: date
    division: str
    role: str
    policy: str
    requirements: tuple[RequirementStatus, ...]
    unmet: tuple[str, ...]
    expiring: tuple[Expiring, ...]
    earliest_lapse: date | None

    def status_of(self, code: str) -> RequirementStatus:
        """The status of one requirement code (KeyError if not required)."""
        for status in self.requirements:
            if status.code == code:
                return status
        raise KeyError(code)

    def to_dict(self) -> dict[str, Any]:
        """The contract's response object (dates as ISO strings)."""
        lapse = self.earliest_lapse
        return {
            "eligible": self.eligible,
            "as_of": self.as_of.isoformat(),
            "division": self.division,
            "role": self.role,
            "policy": self.policy,
            "requirements": [status.to_dict() for status in self.requirements],
            "unmet": list(self.unmet),
            "expiring": [
                {"code": item.code, "valid_until": item.valid_until.isoformat()}
                for item in self.expiring
            ],
            "earliest_lapse": None if lapse is None else lapse.isoformat(),
        }

    def explain(self) -> str:
        """The verdict in words, one line per requirement."""
        head = "Ready to coach" if self.eligible else "Not ready to coach"
        lines = [f"{head} {self.division} as {self.role.replace('_', ' ')} on {self.as_of}."]
        lines += [f"- {s.title}: {s.status}. {s.message}" for s in self.requirements]
        return "\n".join(lines)
