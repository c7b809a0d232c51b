"""Eligibility straight from a request document to response JSON text.

The same decisions as `evaluate` (it calls the same `decide` per
requirement), rendered without building a `Verdict`: batches of 100,000
lines (`coachready eligibility --jsonl`) and the HTTP API spend their time on
the rules, not on objects nobody reads. The output equals
`json.dumps(evaluate(...).to_dict())`; a test holds the two together.

Requests in the common shape are checked in one quick pass; anything else
goes through `contract.parse_eligibility`, which names the first bad field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from .codes import REQUIREMENT_CODES, RISK_STATUSES, ROLES
from .contract_common import policy_names
from .eligibility import MET_CACHE as met_cache
from .eligibility import assess, met_words, plan_for, unmet_status
from .errors import InputError
from .jsonfields import date_cache, want_date
from .policy import Policy
from .policy_loader import DEFAULT_POLICY, load_policy
from .verdict import RecordLike

FIELDS = frozenset({"as_of", "division", "role", "policy", "records"})
RECORD_FIELDS = frozenset({"requirement", "completed_on", "valid_until", "risk_status"})
_CODES = frozenset(REQUIREMENT_CODES)
_RISK = frozenset(RISK_STATUSES)
_ROLES = frozenset(ROLES)
_new_row = tuple.__new__


class Row(NamedTuple):
    """A record as read from a request (the engine's `RecordLike`)."""

    requirement: str
    completed_on: date
    valid_until: date | None
    risk_status: str | None
    ref: object = None


def _date(value: Any) -> date | None:
    found = date_cache.get(value) if type(value) is str else None
    if found is not None or type(value) is not str:
        return found
    try:
        return want_date(value, "")
    except InputError:
        return None


def _quick_records(records: list[Any]) -> list[RecordLike] | None:
    """The records, or None if any record is not in the common shape."""
    rows: list[RecordLike] = []
    append = rows.append
    dates = date_cache
    for record in records:
        if type(record) is not dict:
            return None
        try:
            code = record["requirement"]
            completed = dates[record["completed_on"]]
        except (KeyError, TypeError):
            # A date not seen before (or a missing or odd field).
            code = record.get("requirement")
            parsed = _date(record.get("completed_on"))
            if parsed is None:
                return None
            completed = parsed
        if type(code) is not str or code not in _CODES:
            return None
        if len(record) == 2:
            append(_new_row(Row, (code, completed, None, None, None)))
            continue
        if not record.keys() <= RECORD_FIELDS:
            return None
        until = record.get("valid_until")
        if until is not None:
            until = _date(until)
            if until is None or until < completed:
                return None
        risk = record.get("risk_status")
        if risk is not None and (
            type(risk) is not str or risk not in _RISK or code != "background_check"
        ):
            return None
        append(_new_row(Row, (code, completed, until, risk, None)))
    return rows


def _quick(document: Any) -> tuple[Sequence[RecordLike], str, str, date, Policy] | None:
    """The parsed request if it is in the common shape, else None."""
    if type(document) is not dict or not document.keys() <= FIELDS:
        return None
    as_of = _date(document.get("as_of"))
    division = document.get("division")
    role = document.get("role", "head_coach")
    name = document.get("policy", DEFAULT_POLICY)
    records = document.get("records")
    if (
        as_of is None or type(division) is not str or type(records) is not list
        or type(role) is not str or role not in _ROLES
        or type(name) is not str or name not in policy_names()
    ):
        return None
    rows = _quick_records(records)
    if rows is None:
        return None
    return rows, division, role, as_of, load_policy(name)


def eligibility_json(document: Any) -> str:
    """The eligibility response for one request document, as JSON text."""
    records: Sequence[RecordLike]
    quick = _quick(document)
    if quick is None:
        from .contract import parse_eligibility

        # Not the common shape: the careful parse names the first bad field
        # (or accepts an unusual but valid request).
        records, division, role, as_of, policy = parse_eligibility(document)
    else:
        records, division, role, as_of, policy = quick
    plan = plan_for(policy, division, role)
    best, seen = assess(plan, records, as_of)
    horizon = as_of + plan.warning
    parts = []
    unmet = []
    expiring = []
    earliest: date | None = None
    risk_index = plan.risk_index
    for index, step in enumerate(plan.steps):
        found = best[index]
        if found is None:
            parts.append(unmet_status(plan, step, records, as_of, policy, seen[index])[1])
            unmet.append(step.quoted)
            continue
        record, until, code, rank = found
        if until is None:
            if index != risk_index or record.risk_status in (None, "green"):
                parts.append(step.forever_json[rank])
                continue
            parts.append(met_words(policy, step, code, None, False, record.risk_status)[1])
            continue
        due_soon = until <= horizon
        risk = record.risk_status if index == risk_index else None
        cached = met_cache.get((policy, step.code, code, until, due_soon, risk))
        parts.append(
            cached[1] if cached is not None else met_words(policy, step, code, until, due_soon, risk)[1]
        )
        if due_soon:
            expiring.append(f'{{"code": {step.quoted}, "valid_until": "{until.isoformat()}"}}')
        if earliest is None or until < earliest:
            earliest = until
    lapse = "null" if earliest is None else f'"{earliest.isoformat()}"'
    return (
        f'{{"eligible": {"false" if unmet else "true"}, "as_of": "{as_of.isoformat()}", '
        f'{plan.identity_json}, "requirements": [{", ".join(parts)}], '
        f'"unmet": [{", ".join(unmet)}], "expiring": [{", ".join(expiring)}], '
        f'"earliest_lapse": {lapse}}}'
    )
