"""The public request/response contracts, shared by the CLI and the HTTP API.

Each command takes one parsed JSON document and returns the response dict,
or raises `InputError` naming the first bad field in document order
(CONTRACTS.md sections 0-4). Unknown fields are refused so typos do not pass
silently; codes are checked against the contract's vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .codes import LICENCE_CODES, REQUIREMENT_CODES, RISK_STATUSES, ROLES
from .contract_common import want_division, want_policy
from .contract_heading import run_heading
from .crosscert import crosscert
from .eligibility import Record, evaluate
from .errors import InputError
from .jsonfields import (
    missing_field,
    unknown_field,
    want_choice,
    want_date,
    want_int,
    want_list,
    want_object,
)
from .policy import Policy
from .policy_loader import DEFAULT_POLICY, load_policy
from .schoolyard import MAX_SEASON_WEEKS, plan_season

ELIGIBILITY_FIELDS = frozenset({"as_of", "division", "role", "policy", "records"})
RECORD_FIELDS = frozenset({"requirement", "completed_on", "valid_until", "risk_status"})
_REQUIREMENTS = frozenset(REQUIREMENT_CODES)


def _record(value: Any, path: str) -> Record:
    if type(value) is dict and value.keys() <= RECORD_FIELDS:
        # The common shape, checked in one pass; anything odd takes the
        # careful path below, which finds the first bad field.
        code = value.get("requirement")
        completed = value.get("completed_on")
        if code in _REQUIREMENTS and type(completed) is str and len(value) == 2:
            return Record(code, want_date(completed, path + ".completed_on"))
    record = want_object(value, path)
    code = completed_on = valid_until = risk = None
    for key, item in record.items():
        where = f"{path}.{key}"
        if key == "requirement":
            code = want_choice(item, REQUIREMENT_CODES, "requirement", where)
        elif key == "completed_on":
            completed_on = want_date(item, where)
        elif key == "valid_until":
            valid_until = None if item is None else want_date(item, where)
        elif key == "risk_status":
            if item is not None:
                risk = want_choice(item, RISK_STATUSES, "risk status", where)
        else:
            unknown_field(key, RECORD_FIELDS, path)
    if code is None:
        missing_field("requirement", path)
    if completed_on is None:
        missing_field("completed_on", path)
    if risk is not None and code != "background_check":
        raise InputError(
            "invalid_value", "risk_status applies to background_check records only.", f"{path}.risk_status"
        )
    if valid_until is not None and valid_until < completed_on:
        raise InputError("invalid_value", "valid_until is before completed_on.", f"{path}.valid_until")
    return Record(code, completed_on, valid_until, risk)


def parse_eligibility(document: Any) -> tuple[list[Record], str, str, date, Policy]:
    """Records, division, role, as_of and policy from an eligibility request."""
    request = want_object(document, "")
    as_of = division = records = None
    role = "head_coach"
    policy: Policy | None = None
    for key, value in request.items():
        if key == "as_of":
            as_of = want_date(value, "as_of")
        elif key == "division":
            division = want_division(value)
        elif key == "role":
            role = want_choice(value, ROLES, "role", "role")
        elif key == "policy":
            policy = want_policy(value)
        elif key == "records":
            items = want_list(value, "records")
            records = [_record(item, f"records[{index}]") for index, item in enumerate(items)]
        else:
            unknown_field(key, ELIGIBILITY_FIELDS, "")
    if as_of is None:
        missing_field("as_of", "")
    if division is None:
        missing_field("division", "")
    if records is None:
        missing_field("records", "")
    return records, division, role, as_of, policy or load_policy(DEFAULT_POLICY)


def run_eligibility(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 1: may this person coach this division?"""
    records, division, role, as_of, policy = parse_eligibility(document)
    return evaluate(records, division, role, as_of, policy).to_dict()


def run_crosscert(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 3: can an outside licence be cross-certified?"""
    request = want_object(document, "")
    licence = None
    policy: Policy | None = None
    for key, value in request.items():
        if key == "license":
            licence = want_choice(value, LICENCE_CODES, "licence", "license")
        elif key == "policy":
            policy = want_policy(value)
        else:
            unknown_field(key, ("license", "policy"), "")
    if licence is None:
        missing_field("license", "")
    return crosscert(licence, policy or load_policy(DEFAULT_POLICY)).to_dict()


def run_schoolyard(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 4: a School Yard season plan."""
    request = want_object(document, "")
    start = weeks = None
    skip: list[date] = []
    repeat: list[int] = []
    for key, value in request.items():
        if key == "start":
            start = want_date(value, "start")
        elif key == "weeks":
            weeks = want_int(value, "weeks", 1, MAX_SEASON_WEEKS)
        elif key == "skip":
            items = want_list(value, "skip")
            skip = [want_date(item, f"skip[{index}]") for index, item in enumerate(items)]
        elif key == "repeat":
            items = want_list(value, "repeat")
            repeat = [want_int(item, f"repeat[{i}]", 1, 10) for i, item in enumerate(items)]
        else:
            unknown_field(key, ("start", "weeks", "skip", "repeat"), "")
    if start is None:
        missing_field("start", "")
    if weeks is None:
        missing_field("weeks", "")
    return plan_season(start, weeks, skip, repeat).to_dict()


COMMANDS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "eligibility": run_eligibility,
    "heading": run_heading,
    "crosscert": run_crosscert,
    "schoolyard-plan": run_schoolyard,
}


def run(command: str, document: Any) -> dict[str, Any]:
    """The response to one request document for `command`."""
    return COMMANDS[command](document)

