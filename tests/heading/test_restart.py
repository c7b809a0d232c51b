"""The referee's restart tool: public, works as a plain GET form, and says
what the engine (`coachready heading`) says for the same request."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coachready.heading.drawing import Drawing
from coachready.rules.policy_loader import load_policy
from tests.heading.engine import cli_heading as run_heading

URL = reverse("heading:restart")
POLICY = load_policy("region-60")


def _pixels(division: str, x: float, y: float) -> tuple[int, int]:
    px, py = Drawing(POLICY.field_for(division)).to_pixels(x, y)
    return round(px), round(py)


@pytest.mark.parametrize("who", [None, "coach", "referee", "other_rca"])
def test_restart_tool_is_public(client, login, world, who):
    login(getattr(world, who) if who else None)
    response = client.get(URL)
    assert response.status_code == 200
    assert b'type="image"' in response.content
    assert reverse("heading:field_svg", args=["10U"]).encode() in response.content


def test_home_10u_header_in_own_goal_area_by_tap(client, world):
    """Acceptance: indirect free kick to away, on the goal-area line, as the engine says."""
    px, py = _pixels("10U", 3.0, 24.0)
    response = client.get(URL, {"division": "10U", "offending_team": "home", "deliberate": "yes",
                                "drawn": "10U", "tap.x": px, "tap.y": py})
    assert response.status_code == 200
    result, request_doc = response.context["result"], response.context["request_doc"]
    assert result == run_heading(request_doc)
    assert result["restart"] == "indirect_free_kick"
    assert result["awarded_to"] == "away"
    assert result["spot"]["x"] == POLICY.field_for("10U").goal_area_depth == 5.5
    assert abs(result["spot"]["y"] - 24.0) < 0.2
    html = response.content.decode()
    assert "Indirect free kick" in html and "on the goal-area line" in html
    assert 'class="spot"' in html and 'data-x="5.5"' in html  # the marker, moved onto the line
    assert "Law 13.2" in html


def test_same_incident_by_numbers_matches_engine(client, world):
    response = client.get(URL, {"division": "10U", "offending_team": "home", "deliberate": "yes",
                                "x": "3", "y": "24", "go": "1"})
    request_doc = response.context["request_doc"]
    assert request_doc["offence"] == {"x": 3.0, "y": 24.0}
    engine = run_heading({"context": "match", "division": "10U", "player_age": None, "deliberate": True,
                          "offending_team": "home", "offence": {"x": 3.0, "y": 24.0}, "policy": "region-60"})
    assert response.context["result"] == engine
    assert engine["spot"] == {"x": 5.5, "y": 24.0}


@pytest.mark.parametrize(
    ("division", "team", "x", "y", "restart", "awarded_to", "anywhere", "shade"),
    [
        ("10U", "away", 3.0, 24.0, "indirect_free_kick", "home", True, "home"),  # defenders: anywhere
        ("10U", "home", 32.0, 23.0, "indirect_free_kick", "away", False, None),  # midfield
        ("10U", "away", 61.0, 23.0, "indirect_free_kick", "home", False, None),  # moved to away's line
        ("8U", "home", 16.0, 11.5, "indirect_free_kick", "away", False, None),
        ("14U", "home", 3.0, 32.0, "none", None, False, None),  # heading allowed in 14U games
    ],
)
def test_restart_table(client, world, division, team, x, y, restart, awarded_to, anywhere, shade):
    response = client.get(URL, {"division": division, "offending_team": team, "deliberate": "yes",
                                "x": x, "y": y, "go": "1"})
    result = response.context["result"]
    assert result == run_heading(response.context["request_doc"])
    assert (result["restart"], result["awarded_to"], result["anywhere_in_goal_area"]) == (restart, awarded_to, anywhere)
    html = response.content.decode()
    assert (f'class="shade-{shade}"' in html) is bool(shade)


def test_not_deliberate_is_play_on(client, world):
    response = client.get(URL, {"division": "10U", "offending_team": "home", "deliberate": "no",
                                "x": 30, "y": 20, "go": "1"})
    assert response.context["result"]["restart"] == "none"
    assert "No free kick: play on" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tap.x": 1, "tap.y": 1, "drawn": "10U"}, "off the field"),
        ({"tap.x": 339, "tap.y": 120, "drawn": "10U"}, "off the field"),
        ({"x": "70", "y": "20", "go": "1"}, "Off the field"),
        ({"x": "-1", "y": "20", "go": "1"}, "Off the field"),
        ({"x": "10", "y": "47", "go": "1"}, "Off the field"),
        ({"x": "ten", "y": "20", "go": "1"}, "Enter a number"),
        ({"go": "1"}, "Tap the field"),
        ({"tap.x": "a", "tap.y": "b", "drawn": "10U"}, "could not be read"),
        ({"tap.x": 100, "tap.y": 100, "drawn": "14U"}, "Tap again"),
    ],
)
def test_bad_spot_gets_a_clear_message(client, world, params, message):
    response = client.get(URL, {"division": "10U", "offending_team": "home", "deliberate": "yes", **params})
    assert response.status_code == 200
    assert response.context["result"] is None
    assert message in response.content.decode()


def test_redraw_shows_the_division_field_without_errors(client, world):
    response = client.get(URL, {"division": "14U", "redraw": "1"})
    html = response.content.decode()
    assert reverse("heading:field_svg", args=["14U"]) in html
    assert "errorlist" not in html


@pytest.mark.parametrize("division", ["schoolyard", "6U", "8U", "10U", "12U", "14U", "19U"])
def test_field_drawing_follows_the_policy(client, world, division):
    response = client.get(reverse("heading:field_svg", args=[division]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    size = POLICY.field_for(division)
    drawing = Drawing(size)
    body = response.content.decode()
    x, y, w, h = drawing.goal_area_rect("home")
    assert f'width="{w:.1f}" height="{h:.1f}"' in body  # the goal area to scale
    assert f'viewBox="0 0 {drawing.width} {drawing.height}"' in body


def test_unknown_division_drawing_is_404(client, world):
    assert client.get(reverse("heading:field_svg", args=["99U"])).status_code == 404


@pytest.mark.parametrize(("x", "y"), [(0, 0), (64, 46), (5.5, 23), (32.3, 14.7)])
def test_pixels_round_trip_to_metres(x, y):
    drawing = Drawing(POLICY.field_for("10U"))
    assert drawing.to_metres(*drawing.to_pixels(x, y)) == (round(x, 1), round(y, 1))


def test_result_shows_the_request_and_answer_as_json(client, world):
    import json

    response = client.get(URL, {"division": "10U", "offending_team": "home", "deliberate": "yes",
                                "x": "3", "y": "24", "go": "1"})
    ctx = response.context
    assert json.loads(ctx["request_json"]) == ctx["request_doc"]
    assert json.loads(ctx["result_json"]) == run_heading(ctx["request_doc"])
