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
from .errors import InputError
from .policy import Policy
from .policy_loader import load_policy
from .validity import computed_valid_until, counts_on
from .verdict import RecordLike


@dataclass(frozen=True, slots=True)
class Action:
    """One step on the way to eligibility.

    `kind` is "take" (no usable record), "renew" (lapsed, or lapses before the
    target date) or "resolve" (a risk status to clear). `course` is the
    requirement code a training event must grant for this step (None when no
    course helps). `prerequisite_of` names the course this one unlocks.
    """

    code: str
    kind: str
    due_by: date
    message: str
    course: str | None
    prerequisite_of: str | None = None

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
                message = (
                    f"{spec.title} counts through {until}, before {target_date}; renew it "
                    f"by {until} to keep coaching without a gap. {spec.how_to}"
                )
                actions.append(Action(status.code, "renew", until, message, status.code))
            continue
        if status.status == "blocked":
            actions.append(Action(status.code, "resolve", target_date, status.message, None))
            continue
        if spec.kind == "coach_course":
            for needed in unmet_prerequisites(status.code, records, as_of, policy):
                if needed not in planned:
                    planned.add(needed)
                    message = (
                        f"Take the {policy.title_of(needed)} course first; the "
                        f"{spec.title} course needs it. {policy.requirements[needed].how_to}"
                    )
                    actions.append(
                        Action(needed, "take", target_date, message, needed, status.code)
                    )
        renewable = status.status == "expired" and spec.validity_months is not None
        kind = "renew" if renewable else "take"
        planned.add(status.code)
        actions.append(Action(status.code, kind, target_date, status.message, status.code))
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
    """Words for an enrolment refused for missing prerequisites ("" if none)."""
    if not missing:
        return ""
    policy = policy or load_policy()
    titles = [policy.title_of(code) for code in missing]
    steps = ", then ".join(titles)
    return f"Before the {policy.title_of(course)} course, complete {steps}."
