"""Journey 7: the RCA filters the readiness dashboard and exports XLSX."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.helpers import assign, fall_season, team
from tests.factories import TEST_PASSWORD, certify, make_person

pytestmark = pytest.mark.django_db(transaction=True)

READY_12U = (
    ("safe_haven", "2020-08-01"), ("concussion", "2020-08-01"), ("sudden_cardiac_arrest", "2020-08-01"),
    ("safesport", "2025-08-01"), ("background_check", "2026-07-01"), ("live_scan", "2020-08-01"),
    ("referee_regional", "2020-08-01"), ("coach_12u", "2021-03-01"),
)


def test_dashboard_export(journey, world):
    from datetime import date

    season = fall_season(world.region)
    ready = make_person(world.region, "Rosa", "Ready")
    certify(ready, [(code, date.fromisoformat(day), {"risk_status": "green"} if code == "background_check" else {})
                    for code, day in READY_12U])
    not_ready = [make_person(world.region, "Nick", "Notready"), make_person(world.region, "Nadia", "Notready")]
    assign(team(season, "12U", "Comets"), ready)
    assign(team(season, "12U", "Rockets"), not_ready[0], override="Course booked for September")
    assign(team(season, "12U", "Jets"), not_ready[1], override="Course booked for September")
    assign(team(season, "10U", "Owls"), make_person(world.region, "Ted", "Tenu"), override="New coach")

    page = journey.page
    journey.sign_in(world.rca.email, TEST_PASSWORD)
    journey.goto("/region/60/readiness/")
    expect(page.get_by_role("heading", name="Coach readiness", exact=False)).to_be_visible()
    journey.shot("dashboard")
    page.get_by_label("Division", exact=True).select_option("12U")
    page.get_by_label("Status", exact=True).select_option("not_ready")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    expect(page.get_by_role("rowheader", name="Nick Notready")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Rosa Ready")).to_have_count(0)
    expect(page.get_by_role("rowheader", name="Ted Tenu")).to_have_count(0)
    journey.shot("not ready in 12U")

    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    with open(download.value.path(), "rb") as fh:
        workbook = load_workbook(io.BytesIO(fh.read()))
    rows = list(workbook.active.iter_rows(values_only=True))
    journey.shot("exported")
    text = [" ".join(str(cell) for cell in row if cell is not None) for row in rows[1:]]
    assert len(text) == 2
    assert all("Notready" in line and "12U" in line for line in text)
