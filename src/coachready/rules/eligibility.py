"""May this person coach this division? (CONTRACTS.md section 1)

`evaluate` takes a person's records and returns a `Verdict` listing every
requirement the policy sets for the role and division, met or not, each with
a stable status code and words that say what to do next. It never stops at
the first failure, reads no clock and touches no database.

Speed matters (bulk readiness over thousands of volunteers, `--jsonl`
batches): per (division, role) the policy's requirement list is turned once
into a plan of `_Step`s with everything that does not depend on the person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple, Protocol

from . import messages
from .errors import InputError
from .policy import Policy, RequirementSpec
from .validity import computed_valid_until


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
    (or the one that lapsed or is blocked). An immutable tuple: verdicts are
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


class _Step(NamedTuple):
    code: str
    title: str
    spec: RequirementSpec
    satisfiers: tuple[str, ...]
    is_risk: bool
    is_course: bool
    missing: RequirementStatus


class _Plan(NamedTuple):
    division: str
    role: str
    steps: tuple[_Step, ...]
    warning: timedelta


def plan_for(policy: Policy, division: str, role: str) -> _Plan:
    """The cached evaluation plan for a division (any accepted spelling) and role."""
    key = (division, role)
    plan: _Plan | None = policy.cache.get(key)
    if plan is not None:
        return plan
    canonical = policy.division(division)
    plan = policy.cache.get((canonical, role))
    if plan is None:
        codes = policy.requirements_for(role, canonical)
        course_code = policy.division_rules[canonical].course
        steps = []
        for code in codes:
            spec = policy.requirements[code]
            missing = RequirementStatus(
                code, spec.title, "missing", None, None,
                messages.missing(policy, spec, canonical), None, False,
            )
            steps.append(
                _Step(
                    code, spec.title, spec, policy.satisfiers[code],
                    code == policy.risk_requirement, code == course_code, missing,
                )
            )
        plan = _Plan(canonical, role, tuple(steps), timedelta(days=policy.warning_days))
        policy.cache[(canonical, role)] = plan
    if len(policy.cache) < 1000:
        policy.cache[key] = plan
    return plan


def evaluate(
    records: Iterable[RecordLike],
    division: str,
    role: str,
    as_of: date,
    policy: Policy,
) -> Verdict:
    """Every requirement's status for `role` in `division` on `as_of`.

    Several records for one requirement: the one that counts longest wins.
    A record dated after `as_of` does not count. A background check whose
    risk status forbids coaching does not count, but it never cancels another
    record either, so adding a record never makes an eligible coach ineligible.
    """
    plan = plan_for(policy, division, role)
    by_code: dict[str, list[RecordLike]] = {}
    for record in records:
        found = by_code.get(record.requirement)
        if found is None:
            by_code[record.requirement] = [record]
        else:
            found.append(record)
    horizon = as_of + plan.warning
    statuses = []
    unmet = []
    expiring = []
    earliest: date | None = None
    requirements = policy.requirements
    coach_ok = _coach_ok(policy)
    for step in plan.steps:
        best: RecordLike | None = None
        best_until: date | None = None
        best_code = ""
        seen = False
        for code in step.satisfiers:
            candidates = by_code.get(code)
            if candidates is None:
                continue
            seen = True
            months = requirements[code].validity_months
            for record in candidates:
                until = record.valid_until
                if until is None and months is not None:
                    until = computed_valid_until(record.completed_on, months)
                if record.completed_on > as_of or (until is not None and until < as_of):
                    continue
                if step.is_risk and (record.risk_status or "green") not in coach_ok:
                    continue
                if best is None or (best_until is not None and (until is None or until > best_until)):
                    best, best_until, best_code = record, until, code
        if best is None:
            if seen:
                statuses.append(_unmet(step, by_code, as_of, policy, coach_ok))
            elif step.is_course:
                statuses.append(_course_missing(step, by_code, policy, plan.division))
            else:
                statuses.append(step.missing)
            unmet.append(step.code)
            continue
        due_soon = best_until is not None and best_until <= horizon
        statuses.append(
            RequirementStatus(
                step.code, step.title, "met", best_until, best_code,
                messages.met(policy, step.spec, best_code, best_until, due_soon, best),
                best, due_soon,
            )
        )
        if best_until is not None:
            if due_soon:
                expiring.append(Expiring(step.code, best_until))
            if earliest is None or best_until < earliest:
                earliest = best_until
    return Verdict(
        not unmet, as_of, plan.division, plan.role, policy.name,
        tuple(statuses), tuple(unmet), tuple(expiring), earliest,
    )


def _coach_ok(policy: Policy) -> frozenset[str]:
    found: frozenset[str] | None = policy.cache.get("coach_ok")
    if found is None:
        found = policy.cache["coach_ok"] = policy.coach_risk_statuses
    return found


def _unmet(
    step: _Step,
    by_code: dict[str, list[RecordLike]],
    as_of: date,
    policy: Policy,
    coach_ok: frozenset[str],
) -> RequirementStatus:
    """Records exist for `step` but none counts: blocked, or expired."""
    lapsed: RecordLike | None = None
    lapsed_until: date | None = None
    future: RecordLike | None = None
    for code in step.satisfiers:
        months = policy.requirements[code].validity_months
        for record in by_code.get(code, ()):
            until = record.valid_until
            if until is None and months is not None:
                until = computed_valid_until(record.completed_on, months)
            if record.completed_on > as_of:
                if future is None or record.completed_on < future.completed_on:
                    future = record
            elif until is not None and until < as_of:
                if lapsed_until is None or until > lapsed_until:
                    lapsed, lapsed_until = record, until
            else:
                # Counts by its dates, so only its risk status kept it out.
                status = record.risk_status or "green"
                return RequirementStatus(
                    step.code, step.title, "blocked", None, None,
                    messages.blocked(policy, step.spec, policy.risk_statuses[status]),
                    record, False,
                )
    if lapsed is not None and lapsed_until is not None:
        message = messages.lapsed(step.spec, lapsed_until)
        return RequirementStatus(
            step.code, step.title, "expired", lapsed_until, None, message, lapsed, False
        )
    assert future is not None
    message = messages.not_yet(step.spec, future.completed_on, as_of)
    return RequirementStatus(step.code, step.title, "expired", None, None, message, future, False)


def _course_missing(
    step: _Step, by_code: dict[str, list[RecordLike]], policy: Policy, division: str
) -> RequirementStatus:
    """A missing coach course, saying why the courses the person holds do not count."""
    held = [
        code for code in by_code
        if code in policy.requirements and policy.requirements[code].kind == "coach_course"
    ]
    if not held:
        return step.missing
    message = messages.course_not_counting(policy, step.spec, division, held)
    return step.missing._replace(message=message)


def check_role(policy: Policy, role: str, path: str = "role") -> str:
    """`role` if the policy knows it, else InputError(invalid_value)."""
    if role not in policy.roles:
        raise InputError(
            "invalid_value", f"Unknown role {role!r}; use one of {', '.join(policy.roles)}.", path
        )
    return role
