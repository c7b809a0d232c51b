"""The public request/response contracts, shared by the CLI and the HTTP API.

Each command takes one parsed JSON document and returns the response dict,
or raises `InputError` naming the first bad field in document order
(CONTRACTS.md sections 0-4). Unknown fields are refused so typos do not pass
silently; codes are checked against the contract's vocabulary.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from .codes import LICENCE_CODES, REQUIREMENT_CODES, RISK_STATUSES, ROLES
from .contract_common import want_division, want_policy
from .eligibility import evaluate
from .eligibility_json import eligibility_json
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
from .verdict import Record

ELIGIBILITY_FIELDS = frozenset({"as_of", "division", "role", "policy", "records"})
RECORD_FIELDS = frozenset({"requirement", "completed_on", "valid_until", "risk_status"})


def _record(value: Any, path: str) -> Record:
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


def eligibility_response(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 1: may this person coach this division?"""
    records, division, role, as_of, policy = parse_eligibility(document)
    return evaluate(records, division, role, as_of, policy).to_dict()


def crosscert_response(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 3: can an outside licence be cross-certified?"""
    from .crosscert import crosscert

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


def schoolyard_response(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 4: a School Yard season plan."""
    from .schoolyard import MAX_SEASON_WEEKS, plan_season

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


def heading_response(document: Any) -> dict[str, Any]:
    """CONTRACTS.md section 2: a match restart or a practice week's compliance."""
    from .contract_heading import heading_response as respond

    return respond(document)


def _as_text(respond: Callable[[Any], dict[str, Any]]) -> Callable[[Any], str]:
    def text(document: Any) -> str:
        return json.dumps(respond(document))

    text.__doc__ = respond.__doc__
    return text


# Each command: request document -> response JSON text (or InputError).
# Eligibility renders its text directly; it is the one run in large batches.
# The other commands import their modules on first use, so a batch of
# eligibility lines starts without loading them.
COMMANDS: dict[str, Callable[[Any], str]] = {
    "eligibility": eligibility_json,
    "heading": _as_text(heading_response),
    "crosscert": _as_text(crosscert_response),
    "schoolyard-plan": _as_text(schoolyard_response),
}


def respond(command: str, document: Any) -> str:
    """The response JSON text to one request document for `command`."""
    return COMMANDS[command](document)

