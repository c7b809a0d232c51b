"""OpenAPI descriptions of the rules endpoints (CONTRACTS.md sections 0-4).

The endpoints parse their raw bodies through `coachready.rules.contract`, so
the CLI and the API accept and refuse exactly the same documents; these
JSON Schemas only document those shapes in `/api/v1/openapi.json`.
"""

from __future__ import annotations

from typing import Any

from coachready.rules.codes import (
    APPROVER_ROLES,
    COACH_COURSE_CODES,
    DIVISIONS,
    LICENCE_CODES,
    REQUIREMENT_CODES,
    RISK_STATUSES,
    ROLES,
    SKILLS,
)
from coachready.rules.jsonfields import MAX_YEAR, MIN_YEAR

# The engine reads dates of the years MIN_YEAR to MAX_YEAR (invalid_date
# otherwise); the pattern says the same (a test holds the two together).
_YEARS = f"Years {MIN_YEAR} to {MAX_YEAR}."
_DATE_PATTERN = r"^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$"
DATE = {"type": "string", "format": "date", "pattern": _DATE_PATTERN, "description": _YEARS,
        "example": "2026-09-01"}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date", "pattern": _DATE_PATTERN, "description": _YEARS}
POLICY = {"type": "string", "enum": ["region-60", "ayso-national"], "default": "region-60"}
DIVISION = {
    "type": "string",
    "description": "Case-insensitive; the U10 spelling is accepted too.",
    "examples": list(DIVISIONS),
}


def closed(properties: dict[str, Any], required: list[str], **extra: Any) -> dict[str, Any]:
    """An object schema that refuses unknown fields (`unknown_field`)."""
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        **extra,
    }


ERROR = closed(
    {
        "error": closed(
            {
                "code": {
                    "type": "string",
                    "enum": [
                        "invalid_json", "not_an_object", "unknown_field", "missing_field",
                        "invalid_type", "invalid_date", "invalid_value", "off_field", "too_large",
                    ],
                },
                "message": {"type": "string"},
                "path": {"type": "string", "example": "records[2].completed_on"},
            },
            ["code", "message", "path"],
        )
    },
    ["error"],
)

RECORD = closed(
    {
        "requirement": {"type": "string", "enum": list(REQUIREMENT_CODES)},
        "completed_on": DATE,
        "valid_until": {**NULLABLE_DATE, "description": f"Last day the record counts; overrides the policy. {_YEARS}"},
        "risk_status": {
            "type": ["string", "null"],
            "enum": [*RISK_STATUSES, None],
            "description": "Background checks only; absent means green.",
        },
    },
    ["requirement", "completed_on"],
    # A risk status belongs to a background check (invalid_value otherwise).
    **{"if": {"properties": {"requirement": {"not": {"const": "background_check"}}}},
       "then": {"properties": {"risk_status": {"type": "null"}}}},
)

ELIGIBILITY_REQUEST = closed(
    {
        "as_of": DATE,
        "division": DIVISION,
        "role": {"type": "string", "enum": list(ROLES), "default": "head_coach"},
        "policy": POLICY,
        "records": {"type": "array", "items": RECORD},
    },
    ["as_of", "division", "records"],
)

REQUIREMENT_STATUS = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "enum": list(REQUIREMENT_CODES)},
        "title": {"type": "string"},
        "status": {"type": "string", "enum": ["met", "missing", "expired", "blocked"]},
        "valid_until": NULLABLE_DATE,
        "satisfied_by": {"type": ["string", "null"]},
        "message": {"type": "string"},
        "due_soon": {"type": "boolean"},
    },
    "required": ["code", "title", "status", "valid_until", "satisfied_by", "message"],
}

ELIGIBILITY_RESPONSE = {
    "type": "object",
    "properties": {
        "eligible": {"type": "boolean"},
        "as_of": DATE,
        "division": {"type": "string", "enum": list(DIVISIONS)},
        "role": {"type": "string", "enum": list(ROLES)},
        "policy": {"type": "string"},
        "requirements": {"type": "array", "items": REQUIREMENT_STATUS},
        "unmet": {"type": "array", "items": {"type": "string"}},
        "expiring": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"code": {"type": "string"}, "valid_until": DATE},
                "required": ["code", "valid_until"],
            },
        },
        "earliest_lapse": NULLABLE_DATE,
    },
    "required": ["eligible", "as_of", "division", "role", "policy", "requirements", "unmet", "expiring"],
}

POINT = closed({"x": {"type": "number"}, "y": {"type": "number"}}, ["x", "y"])
FIELD = closed(
    {name: {"type": "number", "exclusiveMinimum": 0} for name in (
        "length", "width", "goal_area_depth", "goal_area_width",
    )},
    [],
    description="Metres; missing values come from the division's default field.",
)
MATCH_REQUEST = closed(
    {
        "context": {"const": "match"},
        "division": DIVISION,
        "player_age": {"type": ["integer", "null"], "minimum": 0},
        "deliberate": {"type": "boolean"},
        "offending_team": {"type": "string", "enum": ["home", "away"]},
        "offence": POINT,
        "field": FIELD,
        "policy": POLICY,
    },
    ["context", "division", "deliberate", "offending_team", "offence"],
)
PRACTICE_REQUEST = closed(
    {
        "context": {"const": "practice"},
        "division": DIVISION,
        "week_of": DATE,
        "sessions": {
            "type": "array",
            "items": closed(
                {
                    "date": DATE,
                    "heading_minutes": {"type": "number", "minimum": 0},
                    "headers": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
                },
                ["date"],
            ),
        },
        "policy": POLICY,
    },
    ["context", "division", "week_of", "sessions"],
)
FINDING = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "examples": ["heading_banned", "minutes_exceeded", "headers_exceeded"]},
        "message": {"type": "string"},
        "player": {"type": ["string", "null"]},
    },
    "required": ["code", "message", "player"],
}
HEADING_RESPONSE = {
    "oneOf": [
        {
            "title": "Match restart",
            "type": "object",
            "properties": {
                "infringement": {"type": "boolean"},
                "restart": {"type": "string", "enum": ["indirect_free_kick", "direct_free_kick", "none"]},
                "awarded_to": {"type": ["string", "null"], "enum": ["home", "away", None]},
                "spot": {"oneOf": [POINT, {"type": "null"}]},
                "anywhere_in_goal_area": {"type": "boolean"},
                "misconduct_allowed": {"type": "boolean"},
                "notes": {"type": "array", "items": {"type": "string"}},
            },
            "required": [
                "infringement", "restart", "awarded_to", "spot", "anywhere_in_goal_area",
                "misconduct_allowed", "notes",
            ],
        },
        {
            "title": "Practice week",
            "type": "object",
            "properties": {
                "compliant": {"type": "boolean"},
                "heading_minutes": {"type": "number"},
                "violations": {"type": "array", "items": FINDING},
                "warnings": {"type": "array", "items": FINDING},
            },
            "required": ["compliant", "heading_minutes", "violations", "warnings"],
        },
    ]
}

CROSSCERT_REQUEST = closed(
    {"license": {"type": "string", "enum": list(LICENCE_CODES)}, "policy": POLICY}, ["license"]
)
CROSSCERT_RESPONSE = {
    "type": "object",
    "properties": {
        "accepted": {"type": "boolean"},
        "grants": {"type": "array", "items": {"type": "string", "enum": list(COACH_COURSE_CODES)}},
        "approval_chain": {"type": "array", "items": {"type": "string", "enum": list(APPROVER_ROLES)}},
        "reason": {"type": "string"},
    },
    "required": ["accepted", "grants", "approval_chain", "reason"],
}

SCHOOLYARD_REQUEST = closed(
    {
        "start": DATE,
        "weeks": {"type": "integer", "minimum": 1, "maximum": 52},
        "skip": {"type": "array", "items": DATE, "description": "Dates on the start's weekday."},
        "repeat": {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": 10},
            "description": "Curriculum weeks to run twice, the repeat right after the first run.",
        },
    },
    ["start", "weeks"],
)
SCHOOLYARD_RESPONSE = {
    "type": "object",
    "properties": {
        "sessions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "number": {"type": "integer"},
                    "date": DATE,
                    "week": {"type": "integer", "minimum": 1, "maximum": 10},
                    "title": {"type": "string"},
                    "skills": {"type": "array", "items": {"type": "string", "enum": list(SKILLS)}},
                    "activities": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "minutes": {"type": "integer"},
                                "description": {"type": "string"},
                            },
                            "required": ["name", "minutes", "description"],
                        },
                    },
                    "repeats": {"type": ["integer", "null"]},
                },
                "required": ["number", "date", "week", "title", "skills", "activities"],
            },
        }
    },
    "required": ["sessions"],
}

HEADING_REQUEST = {"oneOf": [MATCH_REQUEST, PRACTICE_REQUEST], "discriminator": {"propertyName": "context"}}


def operation(request: dict[str, Any], response: dict[str, Any], example: dict[str, Any]) -> dict[str, Any]:
    """`openapi_extra` for one rules endpoint: its body, its answer, its error."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": request, "example": example}},
        },
        "responses": {
            "200": {"description": "The result.", "content": {"application/json": {"schema": response}}},
            "400": {
                "description": "Invalid input: the first bad field, by path.",
                "content": {"application/json": {"schema": ERROR}},
            },
        },
    }
