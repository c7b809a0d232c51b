"""What does a person still have to do, and in which order?

`path_to_ready` turns a verdict into the shortest list of actions that makes
the person eligible on a target date (the season's first game, say), with
course prerequisites first: Advanced needs Intermediate, which needs 12U
(Training Events enforce prerequisites at enrolment, DOMAIN.md section 7).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .eligibility import evaluate
from .english import contract_text
from .errors import InputError
from .policy import Policy
from .policy_loader import load_policy
from .validity import computed_valid_until, counts_on
from .verdict import RecordLike
from .wording import Wording


@dataclass(frozen=True, slots=True)
class Action:
    """One step on the way to eligibility.

    `kind` is "take" (no usable record), "renew" (lapsed, or lapses before the
    target date) or "resolve" (a risk status to clear). `course` is the
    requirement code a training event must grant for this step (None when no
    course helps). `prerequisite_of` names the course this one unlocks.
    `message` is the machine text; `wording` the same step for pages.
    """

    code: str
    kind: str
    due_by: date
    message: str
    course: str | None
    prerequisite_of: str | None = None
    wording: Wording | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return {
            "code": self.code,
            "kind": self.kind,
            "due_by": self.due_by.isoformat(),
            "message": self.message,
            "course": self.course,
            "prerequisite_of": self.prerequisite_of,
        }


def path_to_ready(
    records: Iterable[RecordLike],
    division: str,
    role: str,
    target_date: date,
    as_of: date,
    policy: Policy,
) -> tuple[Action, ...]:
    """The actions that make the person eligible on `target_date`, in policy order.

    Each unmet requirement gives one action (take, renew or resolve, due by
    the target date), preceded by any missing course prerequisites; a met
    requirement that stops counting before the target date gives a renewal
    due by its last valid day, so there is no gap.
    """
    if target_date < as_of:
        raise InputError("invalid_value", "The target date is before the as-of date.", "target_date")
    records = list(records)
    verdict = evaluate(records, division, role, as_of, policy)
    actions: list[Action] = []
    planned: set[str] = set()
    for status in verdict.requirements:
        spec = policy.requirements[status.code]
        if status.status == "met":
            until = status.valid_until
            if until is not None and until < target_date:
                wording = Wording(
                    "readiness.renew_before",
                    {"requirement": status.code, "valid_until": until, "target_date": target_date},
                    policy,
                )
                actions.append(Action(
                    status.code, "renew", until, contract_text(wording), status.code, wording=wording
                ))
            continue
        if status.status == "blocked":
            actions.append(Action(
                status.code, "resolve", target_date, status.message, None, wording=status.wording
            ))
            continue
        if spec.kind == "coach_course":
            for needed in unmet_prerequisites(status.code, records, as_of, policy):
                if needed not in planned:
                    planned.add(needed)
                    wording = Wording(
                        "readiness.prerequisite_first",
                        {"prerequisite": needed, "course": status.code},
                        policy,
                    )
                    actions.append(Action(
                        needed, "take", target_date, contract_text(wording), needed, status.code,
                        wording,
                    ))
        renewable = status.status == "expired" and spec.validity_months is not None
        kind = "renew" if renewable else "take"
        planned.add(status.code)
        actions.append(Action(
            status.code, kind, target_date, status.message, status.code, wording=status.wording
        ))
    return tuple(actions)


def _holds(code: str, records: Sequence[RecordLike], as_of: date, policy: Policy) -> bool:
    """Whether a record of `code` (or one that satisfies it) counts on `as_of`."""
    satisfiers = policy.satisfiers[code]
    for record in records:
        if record.requirement in satisfiers:
            months = policy.requirements[record.requirement].validity_months
            until = record.valid_until or computed_valid_until(record.completed_on, months)
            if counts_on(record.completed_on, until, as_of):
                return True
    return False


def unmet_prerequisites(
    course: str, records: Iterable[RecordLike], as_of: date, policy: Policy
) -> tuple[str, ...]:
    """Courses to complete before `course`, earliest first (transitively).

    A prerequisite is met by its own record or by one that satisfies it
    (National satisfies Advanced, which satisfies Intermediate).
    """
    if course not in policy.requirements or policy.requirements[course].kind != "coach_course":
        raise InputError("invalid_value", f"Unknown course {course!r}.", "course")
    held = list(records)
    missing: list[str] = []

    def visit(code: str) -> None:
        for needed in policy.prerequisites.get(code, ()):
            if needed in missing or _holds(needed, held, as_of, policy):
                continue
            visit(needed)
            missing.append(needed)

    visit(course)
    return tuple(missing)


def prerequisite_message(
    course: str, missing: Sequence[str], policy: Policy | None = None
) -> str:
    """The machine text of `prerequisite_wording` ("" if nothing is missing)."""
    wording = prerequisite_wording(course, missing, policy)
    return "" if wording is None else contract_text(wording)


def prerequisite_wording(
    course: str, missing: Sequence[str], policy: Policy | None = None
) -> Wording | None:
    """An enrolment refused for missing prerequisites, earliest first (None if none)."""
    if not missing:
        return None
    return Wording(
        "readiness.prerequisites_missing",
        {"course": course, "missing": tuple(missing)},
        policy or load_policy(),
    )
