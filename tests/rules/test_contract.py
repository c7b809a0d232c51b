"""Strict request parsing shared by the CLI and the HTTP API (CONTRACTS.md 0)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from coachready.rules import InputError
from coachready.rules.contract import COMMANDS, eligibility_response
from coachready.rules.jsonfields import MAX_BODY_BYTES, load_json

GOOD = {
    "as_of": "2026-09-01",
    "division": "10U",
    "role": "head_coach",
    "policy": "region-60",
    "records": [
        {"requirement": "safe_haven", "completed_on": "2021-05-01"},
        {"requirement": "background_check", "completed_on": "2026-07-15", "risk_status": "green"},
        {"requirement": "safesport", "completed_on": "2024-08-01", "valid_until": "2027-07-31"},
    ],
}


def with_(**changes: Any) -> dict[str, Any]:
    document = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if value is ...:
            document.pop(key)
        else:
            document[key] = value
    return document


def record(index: int, **changes: Any) -> dict[str, Any]:
    document = with_()
    for key, value in changes.items():
        if value is ...:
            document["records"][index].pop(key)
        else:
            document["records"][index][key] = value
    return document


def error_of(command: str, document: Any) -> tuple[str, str]:
    with pytest.raises(InputError) as caught:
        COMMANDS[command](document)
    assert caught.value.message
    return caught.value.code, caught.value.path


@pytest.mark.parametrize(
    ("document", "code", "path"),
    [
        ([], "not_an_object", ""),
        ("10U", "not_an_object", ""),
        (with_(divison="10U"), "unknown_field", "divison"),
        (with_(as_of=...), "missing_field", "as_of"),
        (with_(division=...), "missing_field", "division"),
        (with_(records=...), "missing_field", "records"),
        (with_(as_of="2026-02-30"), "invalid_date", "as_of"),
        (with_(as_of="2026-9-1"), "invalid_date", "as_of"),
        (with_(as_of="01/09/2026"), "invalid_date", "as_of"),
        (with_(as_of=True), "invalid_type", "as_of"),
        (with_(as_of=20260901), "invalid_type", "as_of"),
        (with_(division=10), "invalid_type", "division"),
        (with_(division="11U"), "invalid_value", "division"),
        (with_(role="coach"), "invalid_value", "role"),
        (with_(role=None), "invalid_type", "role"),
        (with_(policy="region-99"), "invalid_value", "policy"),
        (with_(policy="../region-60"), "invalid_value", "policy"),
        (with_(records={}), "invalid_type", "records"),
        (with_(records=["safe_haven"]), "invalid_type", "records[0]"),
        (record(2, completed_on="2026-02-30"), "invalid_date", "records[2].completed_on"),
        (record(1, completed_on=...), "missing_field", "records[1].completed_on"),
        (record(0, requirement=...), "missing_field", "records[0].requirement"),
        (record(0, requirement="first_aid"), "invalid_value", "records[0].requirement"),
        (record(0, requirement=["safe_haven"]), "invalid_type", "records[0].requirement"),
        (record(1, risk_status="purple"), "invalid_value", "records[1].risk_status"),
        (record(0, risk_status="green"), "invalid_value", "records[0].risk_status"),
        (record(2, valid_until="2020-01-01"), "invalid_value", "records[2].valid_until"),
        (record(2, valid_until=5), "invalid_type", "records[2].valid_until"),
        (record(1, completed=True), "unknown_field", "records[1].completed"),
        # The first bad field in document order is the one named.
        ({"division": "11U", "as_of": "bad", "records": []}, "invalid_value", "division"),
        ({"records": [{"requirement": "x"}], "as_of": "bad"}, "invalid_value", "records[0].requirement"),
    ],
)
def test_eligibility_errors(document: Any, code: str, path: str) -> None:
    assert error_of("eligibility", document) == (code, path)


def test_optional_fields_and_nulls() -> None:
    document = {"as_of": "2026-09-01", "division": "u10", "records": [
        {"requirement": "background_check", "completed_on": "2026-07-15", "risk_status": None, "valid_until": None},
    ]}
    result = json.loads(COMMANDS["eligibility"](document))
    assert (result["role"], result["policy"], result["division"]) == ("head_coach", "region-60", "10U")


def test_the_quick_path_equals_the_verdict() -> None:
    for document in (GOOD, with_(division="16u", role="assistant_coach"), record(1, risk_status="yellow")):
        assert COMMANDS["eligibility"](document) == json.dumps(eligibility_response(document))


MATCH = {
    "context": "match", "division": "10U", "player_age": 9, "deliberate": True, "offending_team": "home",
    "offence": {"x": 3.0, "y": 24.0},
    "field": {"length": 64.0, "width": 46.0, "goal_area_depth": 5.5, "goal_area_width": 18.32},
    "policy": "region-60",
}
PRACTICE = {
    "context": "practice", "division": "14U", "week_of": "2026-09-07",
    "sessions": [{"date": "2026-09-08", "heading_minutes": 20, "headers": {"p-17": 12, "p-22": 9}}],
}


def _change(base: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    document = json.loads(json.dumps(base))
    target = document
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if value is ...:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return document


@pytest.mark.parametrize(
    ("base", "where", "value", "code", "path"),
    [
        (MATCH, "context", ..., "missing_field", "context"),
        (MATCH, "context", "game", "invalid_value", "context"),
        (MATCH, "deliberate", "yes", "invalid_type", "deliberate"),
        (MATCH, "deliberate", ..., "missing_field", "deliberate"),
        (MATCH, "offending_team", "visitors", "invalid_value", "offending_team"),
        (MATCH, "offence.x", True, "invalid_type", "offence.x"),
        (MATCH, "offence.x", 64.5, "off_field", "offence.x"),
        (MATCH, "offence.y", -1, "off_field", "offence.y"),
        (MATCH, "offence.z", 1, "unknown_field", "offence.z"),
        (MATCH, "offence", ..., "missing_field", "offence"),
        (MATCH, "field.length", -64, "invalid_value", "field.length"),
        (MATCH, "field.goal_area_depth", 40, "invalid_value", "field.goal_area_depth"),
        (MATCH, "field.corner", 1, "unknown_field", "field.corner"),
        (MATCH, "player_age", -1, "invalid_value", "player_age"),
        (MATCH, "player_age", 9.5, "invalid_type", "player_age"),
        (MATCH, "week_of", "2026-09-07", "unknown_field", "week_of"),
        (PRACTICE, "sessions.0.heading_minutes", -5, "invalid_value", "sessions[0].heading_minutes"),
        (PRACTICE, "sessions.0.heading_minutes", False, "invalid_type", "sessions[0].heading_minutes"),
        (PRACTICE, "sessions.0.headers.p-17", -1, "invalid_value", "sessions[0].headers.p-17"),
        (PRACTICE, "sessions.0.headers.p-17", True, "invalid_type", "sessions[0].headers.p-17"),
        (PRACTICE, "sessions.0.date", "2026-09-14", "invalid_value", "sessions[0].date"),
        (PRACTICE, "sessions.0.date", "2026-09-31", "invalid_date", "sessions[0].date"),
        (PRACTICE, "sessions.0.minutes", 5, "unknown_field", "sessions[0].minutes"),
        (PRACTICE, "week_of", ..., "missing_field", "week_of"),
        (PRACTICE, "offence", {"x": 1, "y": 1}, "unknown_field", "offence"),
    ],
)
def test_heading_errors(base: dict, where: str, value: Any, code: str, path: str) -> None:
    assert error_of("heading", _change(base, where, value)) == (code, path)


def test_partial_field_takes_the_rest_from_the_division() -> None:
    result = json.loads(COMMANDS["heading"](_change(MATCH, "field", {"length": 70.0})))
    assert result["spot"] == {"x": 5.5, "y": 24.0}


@pytest.mark.parametrize(
    ("document", "code", "path"),
    [
        ({"licence": "ussf_d"}, "unknown_field", "licence"),
        ({}, "missing_field", "license"),
        ({"license": "ussf_z"}, "invalid_value", "license"),
        ({"license": "ussf_d", "policy": 60}, "invalid_type", "policy"),
    ],
)
def test_crosscert_errors(document: Any, code: str, path: str) -> None:
    assert error_of("crosscert", document) == (code, path)


@pytest.mark.parametrize(
    ("document", "code", "path"),
    [
        ({"start": "2026-09-12"}, "missing_field", "weeks"),
        ({"weeks": 10}, "missing_field", "start"),
        ({"start": "2026-09-12", "weeks": "12"}, "invalid_type", "weeks"),
        ({"start": "2026-09-12", "weeks": 12.5}, "invalid_type", "weeks"),
        ({"start": "2026-09-12", "weeks": True}, "invalid_type", "weeks"),
        ({"start": "2026-09-12", "weeks": 0}, "invalid_value", "weeks"),
        ({"start": "2026-09-12", "weeks": 10, "skip": "2026-10-10"}, "invalid_type", "skip"),
        ({"start": "2026-09-12", "weeks": 10, "skip": ["2026-10-32"]}, "invalid_date", "skip[0]"),
        ({"start": "2026-09-12", "weeks": 10, "skip": ["2026-10-11"]}, "invalid_value", "skip[0]"),
        ({"start": "2026-09-12", "weeks": 10, "repeat": [0]}, "invalid_value", "repeat[0]"),
        ({"start": "2026-09-12", "weeks": 10, "skips": []}, "unknown_field", "skips"),
    ],
)
def test_schoolyard_errors(document: Any, code: str, path: str) -> None:
    assert error_of("schoolyard-plan", document) == (code, path)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"{", "invalid_json"),
        (b"", "invalid_json"),
        (b'{"as_of": NaN}', "invalid_json"),
        (b'{"x": Infinity}', "invalid_json"),
        (b"\xff\xfe", "invalid_json"),
        (b"{} {}", "invalid_json"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
        (b" " * (MAX_BODY_BYTES + 1), "too_large"),
    ],
)
def test_load_json_errors(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        load_json(data)
    assert (caught.value.code, caught.value.path) == (code, "")


def test_load_json_accepts_a_bom() -> None:
    assert load_json(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


def test_error_object_shape() -> None:
    error = InputError("invalid_date", "words", "records[2].completed_on")
    assert error.to_dict() == {
        "error": {"code": "invalid_date", "message": "words", "path": "records[2].completed_on"}
    }
