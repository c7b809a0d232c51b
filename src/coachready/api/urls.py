"""The JSON API under /api/v1/ (CONTRACTS.md: same bodies as the CLI).

The rules endpoints read the raw body and hand it to
`coachready.rules.contract`, the parser the CLI uses, so both accept and
refuse exactly the same documents and answer with the same error object.
Invalid input is a 400 with `{"error": {"code", "message", "path"}}`, never
ninja's default 422. The endpoints need no login: they compute answers from
the request alone and read no stored data.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI

from coachready.rules.contract import respond
from coachready.rules.errors import InputError
from coachready.rules.jsonfields import MAX_BODY_BYTES, load_json

from . import schemas

api = NinjaAPI(
    title="CoachReady API",
    version="1",
    description=(
        "Coach eligibility, youth heading rules, cross-certification and School Yard plans, "
        "as the `coachready` command line answers them. Dates are ISO YYYY-MM-DD; unknown "
        "fields are refused."
    ),
    urls_namespace="api",
)

JSON = "application/json"


def answer(command: str, request: HttpRequest) -> HttpResponse:
    """Run one rules command on the request body."""
    try:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > MAX_BODY_BYTES:
            # Refused before reading: the body is never held in memory.
            raise InputError("too_large", f"The body is larger than {MAX_BODY_BYTES} bytes.", "")
        body = request.read(MAX_BODY_BYTES + 1)
        return HttpResponse(respond(command, load_json(body, MAX_BODY_BYTES)), content_type=JSON)
    except InputError as error:
        return JsonResponse(error.to_dict(), status=400)


@api.get("/health", summary="Liveness", tags=["service"])
def health(request: HttpRequest) -> dict[str, Any]:
    """Always `{"status": "ok"}` while the service answers."""
    return {"status": "ok"}


@api.post(
    "/eligibility",
    summary="May this person coach this division?",
    tags=["rules"],
    openapi_extra=schemas.operation(
        schemas.ELIGIBILITY_REQUEST,
        schemas.ELIGIBILITY_RESPONSE,
        {
            "as_of": "2026-09-01",
            "division": "10U",
            "role": "head_coach",
            "policy": "region-60",
            "records": [
                {"requirement": "safe_haven", "completed_on": "2021-05-01"},
                {"requirement": "background_check", "completed_on": "2026-07-15", "risk_status": "green"},
            ],
        },
    ),
)
def eligibility(request: HttpRequest) -> HttpResponse:
    """Every requirement's status for the role and division, met or not (CONTRACTS.md 1)."""
    return answer("eligibility", request)


@api.post(
    "/heading",
    summary="Youth heading rules: a match restart or a practice week",
    tags=["rules"],
    openapi_extra=schemas.operation(
        schemas.HEADING_REQUEST,
        schemas.HEADING_RESPONSE,
        {
            "context": "match",
            "division": "10U",
            "player_age": 9,
            "deliberate": True,
            "offending_team": "home",
            "offence": {"x": 3.0, "y": 24.0},
        },
    ),
)
def heading(request: HttpRequest) -> HttpResponse:
    """The restart after a header (Law 13.2), or a practice week's compliance (CONTRACTS.md 2)."""
    return answer("heading", request)


@api.post(
    "/crosscert",
    summary="Can an outside licence be cross-certified?",
    tags=["rules"],
    openapi_extra=schemas.operation(
        schemas.CROSSCERT_REQUEST, schemas.CROSSCERT_RESPONSE, {"license": "ussf_d", "policy": "region-60"}
    ),
)
def crosscert(request: HttpRequest) -> HttpResponse:
    """What a licence grants and who approves it, or why it is refused (CONTRACTS.md 3)."""
    return answer("crosscert", request)


@api.post(
    "/schoolyard-plan",
    summary="A School Yard season plan",
    tags=["rules"],
    openapi_extra=schemas.operation(
        schemas.SCHOOLYARD_REQUEST, schemas.SCHOOLYARD_RESPONSE, {"start": "2026-09-12", "weeks": 12}
    ),
)
def schoolyard_plan(request: HttpRequest) -> HttpResponse:
    """Dated sessions from the 10-week curriculum (CONTRACTS.md 4)."""
    return answer("schoolyard-plan", request)
