"""Journey 5: a referee on the touchline uses the restart tool."""

import re

import pytest
from playwright.sync_api import expect

from coachready.heading.drawing import Drawing
from coachready.rules import load_policy

pytestmark = pytest.mark.django_db(transaction=True)


def test_referee_restart(journey, world):
    field = load_policy("region-60").field_for("10U")
    page = journey.page
    journey.goto("/heading/restart/?division=10U&redraw=1")
    expect(page.get_by_role("heading", name="Heading restart")).to_be_visible()
    journey.shot("restart tool")

    page.get_by_role("radio", name=re.compile("Home")).check()
    page.get_by_label("Was the header deliberate?").select_option("yes")
    # Tap inside the home goal area, two metres off the goal line, centred.
    x_px, y_px = Drawing(field).to_pixels(2.0, field.width / 2)
    page.locator("input.field-tap").click(position={"x": x_px, "y": y_px})
    page.wait_for_load_state()

    result = page.locator(".restart-result")
    expect(result).to_contain_text("Indirect free kick")
    expect(result).to_contain_text("away")
    expect(result).to_contain_text("goal-area line")
    expect(result).to_contain_text(re.compile(rf"{field.goal_area_depth:g}0? m from the home goal line"))
    journey.shot("restart shown on the field")
