"""The referee's restart: one match incident through the rules engine.

The view builds the contract's match request (CONTRACTS.md section 2) and
this module answers it with the region's policy, so the page shows what
`coachready heading` prints for the same request.
"""

from __future__ import annotations

from typing import Any

from coachready.rules.heading import MatchRuling, Spot, heading_match


def match_request(*, division: str, offending_team: str, x: float, y: float, deliberate: bool,
                  player_age: int | None, policy_name: str) -> dict[str, Any]:
    """The contract's match request for one header."""
    request: dict[str, Any] = {
        "context": "match",
        "division": division,
        "deliberate": deliberate,
        "offending_team": offending_team,
        "offence": {"x": x, "y": y},
        "policy": policy_name,
    }
    if player_age is not None:
        request["player_age"] = player_age
    return request


def rule(request: dict[str, Any], policy) -> dict[str, Any]:  # noqa: ANN001
    """The engine's ruling for a match request, as the contract's response.

    Raises the engine's InputError (code `off_field` for a spot off the
    field) with the path of the bad value.
    """
    return ruling(request, policy).to_dict()


def ruling(request: dict[str, Any], policy) -> MatchRuling:  # noqa: ANN001
    """The engine's ruling itself: the response, and its notes as Wordings for the page."""
    offence = request["offence"]
    return heading_match(
        division=request["division"],
        offending_team=request["offending_team"],
        offence=Spot(float(offence["x"]), float(offence["y"])),
        deliberate=request["deliberate"],
        policy=policy,
        player_age=request.get("player_age"),
    )
