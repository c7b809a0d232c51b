"""POST /api/v1/<command>: the CLI's contracts over HTTP (CONTRACTS.md 0-4)."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.test import Client

from coachready.rules.commands import run_command

ELIGIBILITY = {
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
MATCH = {
    "context": "match", "division": "10U", "player_age": 9, "deliberate": True, "offending_team": "home",
    "offence": {"x": 3.0, "y": 24.0},
    "field": {"length": 64.0, "width": 46.0, "goal_area_depth": 5.5, "goal_area_width": 18.32},
    "policy": "region-60",
}
PRACTICE = {
    "context": "practice", "division": "14U", "week_of": "2026-09-07",
    "sessions": [{"date": "2026-09-08", "heading_minutes": 40, "headers": {"p-17": 12}}],
}


@pytest.fixture
def client() -> Client:
    # An anonymous visitor, with CSRF checks on: the API needs neither login nor token.
    return Client(enforce_csrf_checks=True)


def post(client: Client, command: str, body: bytes | dict) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = client.post(f"/api/v1/{command}", data=data, content_type="application/json")
    assert response["Content-Type"].startswith("application/json")
    return response.status_code, json.loads(response.content)


def cli(command: str, body: bytes) -> tuple[int, bytes, bytes]:
    out, err = io.BytesIO(), io.BytesIO()
    status = run_command(command, [], io.BytesIO(body), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("command", "body"),
    [
        ("eligibility", ELIGIBILITY),
        ("heading", MATCH),
        ("heading", PRACTICE),
        ("crosscert", {"license": "ussf_d", "policy": "region-60"}),
        ("crosscert", {"license": "nscaa"}),
        ("schoolyard-plan", {"start": "2026-09-12", "weeks": 12, "skip": ["2026-10-10"]}),
    ],
)
def test_same_answer_as_the_cli(client: Client, command: str, body: dict) -> None:
    status, result = post(client, command, body)
    cli_status, out, _ = cli(command, json.dumps(body).encode())
    assert (status, cli_status) == (200, 0)
    assert result == json.loads(out)


def test_eligibility_result(client: Client) -> None:
    status, result = post(client, "eligibility", ELIGIBILITY)
    assert status == 200
    assert result["eligible"] is False
    assert result["unmet"] == ["concussion", "sudden_cardiac_arrest", "live_scan", "referee_regional", "coach_10u"]


def test_heading_result(client: Client) -> None:
    status, result = post(client, "heading", MATCH)
    assert status == 200
    assert (result["restart"], result["awarded_to"], result["spot"]) == (
        "indirect_free_kick", "away", {"x": 5.5, "y": 24.0},
    )


@pytest.mark.parametrize(
    ("command", "body", "code", "path"),
    [
        ("eligibility", b"{", "invalid_json", ""),
        ("eligibility", b"", "invalid_json", ""),
        ("eligibility", b'{"as_of": NaN}', "invalid_json", ""),
        ("eligibility", b"[1]", "not_an_object", ""),
        ("eligibility", {**ELIGIBILITY, "divison": "10U"}, "unknown_field", "divison"),
        ("eligibility", {"as_of": "2026-09-01", "division": "10U"}, "missing_field", "records"),
        ("eligibility", {**ELIGIBILITY, "as_of": "2026-02-30"}, "invalid_date", "as_of"),
        ("eligibility", {**ELIGIBILITY, "division": "11U"}, "invalid_value", "division"),
        ("eligibility", {**ELIGIBILITY, "records": [{"requirement": "safe_haven", "completed_on": True}]},
         "invalid_type", "records[0].completed_on"),
        ("heading", {**MATCH, "offence": {"x": 70.0, "y": 24.0}}, "off_field", "offence.x"),
        ("heading", {**PRACTICE, "sessions": [{"date": "2026-09-08", "heading_minutes": -1}]},
         "invalid_value", "sessions[0].heading_minutes"),
        ("crosscert", {"license": "ussf_q"}, "invalid_value", "license"),
        ("schoolyard-plan", {"start": "2026-09-12", "weeks": "12"}, "invalid_type", "weeks"),
    ],
)
def test_invalid_input_is_400_with_the_cli_error(client: Client, command: str, body, code: str, path: str) -> None:
    status, result = post(client, command, body)
    assert status == 400
    assert (result["error"]["code"], result["error"]["path"]) == (code, path)
    assert result["error"]["message"]
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    cli_status, out, err = cli(command, raw)
    assert (cli_status, out) == (2, b"")
    assert json.loads(err) == result


def test_oversized_body_is_refused(client: Client) -> None:
    body = b'{"license": "' + b"x" * 1_000_100 + b'"}'
    status, result = post(client, "crosscert", body)
    assert (status, result["error"]["code"]) == (400, "too_large")


def test_wrong_method(client: Client) -> None:
    assert client.get("/api/v1/eligibility").status_code == 405


def test_health(client: Client) -> None:
    response = client.get("/api/v1/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_openapi_documents_the_contracts(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    for command in ("eligibility", "heading", "crosscert", "schoolyard-plan"):
        operation = document["paths"][f"/api/v1/{command}"]["post"]
        request = operation["requestBody"]["content"]["application/json"]["schema"]
        assert request.get("additionalProperties") is False or "oneOf" in request
        assert set(operation["responses"]) >= {"200", "400"}
        error = operation["responses"]["400"]["content"]["application/json"]["schema"]
        assert error["properties"]["error"]["required"] == ["code", "message", "path"]
    eligibility = document["paths"]["/api/v1/eligibility"]["post"]["requestBody"]["content"]["application/json"]
    assert eligibility["schema"]["required"] == ["as_of", "division", "records"]


@pytest.mark.parametrize(("day", "documented"), [("1900-01-01", True), ("2026-09-01", True), ("2200-12-31", True),
                                                 ("1899-12-31", False), ("2201-01-01", False), ("9999-12-25", False)])
def test_openapi_states_the_years_the_engine_reads(client: Client, day: str, documented: bool) -> None:
    document = client.get("/api/v1/openapi.json").json()
    schema = document["paths"]["/api/v1/schoolyard-plan"]["post"]["requestBody"]["content"]["application/json"]
    pattern = schema["schema"]["properties"]["start"]["pattern"]
    assert bool(re.match(pattern, day)) == documented
    response = client.post("/api/v1/schoolyard-plan", {"start": day, "weeks": 1}, content_type="application/json")
    assert response.status_code == (200 if documented else 400)
    if not documented:
        assert response.json()["error"] == {"code": "invalid_date", "path": "start",
                                            "message": f"{day} is outside the years 1900 to 2200."}


def test_openapi_ties_a_risk_status_to_background_checks(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    body = document["paths"]["/api/v1/eligibility"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    record = body["properties"]["records"]["items"]
    assert record["if"] == {"properties": {"requirement": {"not": {"const": "background_check"}}}}
    assert record["then"] == {"properties": {"risk_status": {"type": "null"}}}


@pytest.mark.parametrize("body", [
    {"as_of": "9999-12-31", "division": "10U", "records": []},
    {"as_of": "2026-09-01", "division": "10U", "records": [{"requirement": "safesport", "completed_on": "9999-12-01"}]},
])
def test_far_dates_are_a_contract_error_not_a_server_error(client: Client, body: dict) -> None:
    response = client.post("/api/v1/eligibility", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_date"
