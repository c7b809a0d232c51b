"""May this person coach this division? (CONTRACTS.md section 1)

`evaluate` takes a person's records and returns a `Verdict` listing every
requirement the policy sets for the role and division, met or not, each with
a stable status code and words that say what to do next. It never stops at
the first failure, reads no clock and touches no database.

Speed matters (bulk readiness over thousands of volunteers, `--jsonl`
batches): per (division, role) the policy's requirement list is turned once
into a `_Plan` holding everything that does not depend on the person, and
`assess` then reads each record once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from . import messages
from .english import contract_text
from .policy import Policy, RequirementSpec
from .validity import VALIDITY_CACHE, computed_valid_until
from .verdict import Expiring, RecordLike, RequirementStatus, Verdict
from .wording import Wording


class _Step(NamedTuple):
    code: str
    title: str
    spec: RequirementSpec
    satisfiers: tuple[str, ...]
    is_course: bool
    missing: RequirementStatus
    # JSON text of the code (quoted), of the "missing" status, and of the
    # "met" status by a one-time record of each satisfier (by rank), for batches.
    quoted: str
    missing_json: str
    forever_json: tuple[str, ...]
    # The message and wording of a "met" status by a one-time record, by satisfier rank.
    forever_message: tuple[str, ...]
    forever_wording: tuple[Wording, ...]


class _Plan(NamedTuple):
    division: str
    role: str
    steps: tuple[_Step, ...]
    # record code -> ((index of a step it can meet, its rank there), ...);
    # rank 0 is the step's own code, which wins a tie.
    targets: Mapping[str, tuple[tuple[int, int], ...]]
    months: Mapping[str, int | None]
    risk_index: int
    coach_ok: frozenset[str]
    warning: timedelta
    # '"division": ..., "role": ..., "policy": ...' as JSON text.
    identity_json: str


# Builds a NamedTuple without its Python-level __new__: verdicts are made in bulk.
new_status = tuple.__new__

# Best record per step: (record, last valid day or None, its code, rank).
Best = tuple[RecordLike, date | None, str, int]


def plan_for(policy: Policy, division: str, role: str) -> _Plan:
    """The cached evaluation plan for a division (any accepted spelling) and role."""
    key = (division, role)
    plan: _Plan | None = policy.cache.get(key)
    if plan is not None:
        return plan
    canonical = policy.division(division)
    plan = policy.cache.get((canonical, role))
    if plan is None:
        plan = _build_plan(policy, canonical, role)
        policy.cache[(canonical, role)] = plan
    if len(policy.cache) < 1000:
        policy.cache[key] = plan
    return plan


def _build_plan(policy: Policy, division: str, role: str) -> _Plan:
    codes = policy.requirements_for(role, division)
    course_code = policy.division_rules[division].course
    steps = []
    targets: dict[str, list[tuple[int, int]]] = {}
    for index, code in enumerate(codes):
        spec = policy.requirements[code]
        absent = messages.missing(policy, spec, division)
        missing = RequirementStatus(
            code, spec.title, "missing", None, None, contract_text(absent), None, False, absent,
        )
        satisfiers = policy.satisfiers[code]
        for rank, other in enumerate(satisfiers):
            targets.setdefault(other, []).append((index, rank))
        forever_wording = tuple(messages.met(policy, spec, other, None, False, None) for other in satisfiers)
        forever = tuple(contract_text(wording) for wording in forever_wording)
        forever_json = tuple(
            json.dumps(RequirementStatus(
                code, spec.title, "met", None, other, words, None, False, wording
            ).to_dict())
            for other, words, wording in zip(satisfiers, forever, forever_wording, strict=True)
        )
        steps.append(_Step(
            code, spec.title, spec, satisfiers, code == course_code, missing,
            json.dumps(code), json.dumps(missing.to_dict()), forever_json, forever, forever_wording,
        ))
    identity = json.dumps({"division": division, "role": role, "policy": policy.name})[1:-1]
    return _Plan(
        division=division,
        role=role,
        steps=tuple(steps),
        targets={code: tuple(found) for code, found in targets.items()},
        months={code: spec.validity_months for code, spec in policy.requirements.items()},
        risk_index=codes.index(policy.risk_requirement) if policy.risk_requirement in codes else -1,
        coach_ok=policy.coach_risk_statuses,
        warning=timedelta(days=policy.warning_days),
        identity_json=identity,
    )


def assess(
    plan: _Plan, records: Iterable[RecordLike], as_of: date
) -> tuple[list[Best | None], list[bool]]:
    """Per step of `plan`: the record that counts longest, and whether any record exists.

    One pass over the records. A record counts from its completion through
    its last valid day (its own `valid_until`, else the policy's validity for
    its code); a tie goes to the step's own code, then to the earlier record.
    """
    best: list[Best | None] = [None] * len(plan.steps)
    seen = [False] * len(plan.steps)
    targets_of = plan.targets
    months_of = plan.months
    risk_index = plan.risk_index
    valid_cache = VALIDITY_CACHE
    for record in records:
        code = record.requirement
        targets = targets_of.get(code)
        if targets is None:
            continue
        completed = record.completed_on
        until = record.valid_until
        if until is None:
            months = months_of[code]
            if months is not None:
                until = valid_cache.get((completed, months)) or computed_valid_until(completed, months)
        counts = completed <= as_of and (until is None or until >= as_of)
        for index, rank in targets:
            seen[index] = True
            if not counts:
                continue
            if index == risk_index and (record.risk_status or "green") not in plan.coach_ok:
                # A risk status that forbids coaching: this record cannot count.
                continue
            current = best[index]
            if (
                current is None
                or (current[1] is not None and (until is None or until > current[1]))
                or (until == current[1] and rank < current[3])
            ):
                best[index] = (record, until, code, rank)
    return best, seen


def met_words(
    policy: Policy, step: _Step, code: str, until: date | None, due_soon: bool, risk: str | None
) -> tuple[str, str, Wording]:
    """The message of a met requirement, its JSON object text and its wording (cached).

    Cached per policy object: two profiles word the same facts differently.
    """
    key = (policy, step.code, code, until, due_soon, risk)
    found: tuple[str, str, Wording] | None = MET_CACHE.get(key)
    if found is None:
        wording = messages.met(policy, step.spec, code, until, due_soon, risk)
        message = contract_text(wording)
        status = RequirementStatus(step.code, step.title, "met", until, code, message, None, due_soon, wording)
        if len(MET_CACHE) > 100_000:
            MET_CACHE.clear()
        found = MET_CACHE[key] = (message, json.dumps(status.to_dict()), wording)
    return found


MET_CACHE: dict[tuple[Policy, str, str, date | None, bool, str | None], tuple[str, str, Wording]] = {}


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
    if not isinstance(records, (list, tuple)):
        records = list(records)
    best, seen = assess(plan, records, as_of)
    horizon = as_of + plan.warning
    statuses = []
    unmet = []
    expiring = []
    earliest: date | None = None
    risk_index = plan.risk_index
    met_cache = MET_CACHE
    for index, step in enumerate(plan.steps):
        found = best[index]
        if found is None:
            statuses.append(unmet_status(plan, step, records, as_of, policy, seen[index])[0])
            unmet.append(step.code)
            continue
        record, until, code, rank = found
        risk = record.risk_status if index == risk_index else None
        if until is None:
            if risk is None or risk == "green":
                message, wording = step.forever_message[rank], step.forever_wording[rank]
            else:
                message, _, wording = met_words(policy, step, code, None, False, risk)
            statuses.append(new_status(
                RequirementStatus, (step.code, step.title, "met", None, code, message, record, False, wording)
            ))
            continue
        due_soon = until <= horizon
        cached = met_cache.get((policy, step.code, code, until, due_soon, risk))
        message, _, wording = cached if cached is not None else met_words(policy, step, code, until, due_soon, risk)
        statuses.append(new_status(
            RequirementStatus, (step.code, step.title, "met", until, code, message, record, due_soon, wording)
        ))
        if due_soon:
            expiring.append(Expiring(step.code, until))
        if earliest is None or until < earliest:
            earliest = until
    return Verdict(
        not unmet, as_of, plan.division, plan.role, policy.name,
        tuple(statuses), tuple(unmet), tuple(expiring), earliest,
    )


def unmet_status(
    plan: _Plan,
    step: _Step,
    records: Sequence[RecordLike],
    as_of: date,
    policy: Policy,
    seen: bool,
) -> tuple[RequirementStatus, str]:
    """A requirement no record meets (missing, expired or blocked), and its JSON text.

    The returned status's `record` is the record that lapsed, is blocked or
    is not yet valid (None when missing). Words are cached per reason: in a
    batch the same lapse dates and risk statuses come back again and again.
    """
    if not seen:
        if step.is_course:
            held = _course_missing(step, records, policy, plan.division)
            if held is not None:
                return held
        return step.missing, step.missing_json
    record, key = _unmet_reason(plan, step, records, as_of)
    found = _unmet_cache.get((policy, key))
    if found is None:
        found = _unmet_words(policy, step, key)
        if len(_unmet_cache) > 100_000:
            _unmet_cache.clear()
        _unmet_cache[(policy, key)] = found
    return found[0]._replace(record=record), found[1]


# Keyed by policy object too: two profiles word the same facts differently.
_unmet_cache: dict[
    tuple[Policy, tuple[str, str, str, date | None, date | None]], tuple[RequirementStatus, str]
] = {}


def _unmet_reason(
    plan: _Plan, step: _Step, records: Sequence[RecordLike], as_of: date
) -> tuple[RecordLike, tuple[str, str, str, date | None, date | None]]:
    """Why records exist for `step` but none counts, as a cache key.

    Keys: (code, "blocked", risk status, None, None); (code, "lapsed", "",
    last valid day, None); (code, "future", "", completed_on, as_of).
    """
    lapsed: RecordLike | None = None
    lapsed_until: date | None = None
    future: RecordLike | None = None
    for record in records:
        if record.requirement not in step.satisfiers:
            continue
        until = record.valid_until
        months = plan.months[record.requirement]
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
            return record, (step.code, "blocked", record.risk_status or "green", None, None)
    if lapsed is not None:
        return lapsed, (step.code, "lapsed", "", lapsed_until, None)
    assert future is not None
    return future, (step.code, "future", "", future.completed_on, as_of)


def _unmet_words(
    policy: Policy, step: _Step, key: tuple[str, str, str, date | None, date | None]
) -> tuple[RequirementStatus, str]:
    _, reason, risk, day, as_of = key
    if reason == "blocked":
        wording = messages.blocked(policy, step.spec, policy.risk_statuses[risk])
        state, until = "blocked", None
    elif reason == "lapsed":
        assert day is not None
        wording = messages.lapsed(policy, step.spec, day)
        state, until = "expired", day
    else:
        assert day is not None and as_of is not None
        wording = messages.not_yet(policy, step.spec, day, as_of)
        state, until = "expired", None
    status = RequirementStatus(
        step.code, step.title, state, until, None, contract_text(wording), None, False, wording
    )
    return status, json.dumps(status.to_dict())


def _course_missing(
    step: _Step, records: Sequence[RecordLike], policy: Policy, division: str
) -> tuple[RequirementStatus, str] | None:
    """A missing coach course, saying why the courses the person holds do not
    count, with its JSON text; None when they hold no coach course.

    Cached on the policy per combination of courses held: in a region's
    report the same few combinations come back for thousands of people.
    """
    held: list[str] = []
    for record in records:
        code = record.requirement
        spec = policy.requirements.get(code)
        if spec is not None and spec.kind == "coach_course" and code not in held:
            held.append(code)
    if not held:
        return None
    key = ("course_missing", step.code, division, tuple(held))
    found: tuple[RequirementStatus, str] | None = policy.cache.get(key)
    if found is None:
        wording = messages.course_not_counting(policy, step.spec, division, held)
        status = step.missing._replace(message=contract_text(wording), wording=wording)
        found = (status, json.dumps(status.to_dict()))
        if len(policy.cache) < 1000:
            policy.cache[key] = found
    return found
