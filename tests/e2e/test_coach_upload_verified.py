"""Journey 2: a new coach uploads a certificate; the RCA verifies it."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import png_bytes
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def _safe_haven_row(page):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Safe Haven"))


def test_coach_upload_verified(journey, world):
    page = journey.page
    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto("/my/?division=10U")
    expect(page.get_by_role("heading", name="My coaching checklist")).to_be_visible()
    expect(_safe_haven_row(page)).to_contain_text("Missing")
    journey.shot("checklist for 10U")

    _safe_haven_row(page).get_by_role("link", name="Upload a certificate").click()
    page.get_by_label("Completed on").fill("2026-08-20")
    page.get_by_label("Certificate file").set_input_files(
        files=[{"name": "safe-haven.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    journey.shot("upload form filled")
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()
    journey.goto("/my/?division=10U")
    expect(_safe_haven_row(page)).to_contain_text(re.compile("Pending", re.I))
    journey.shot("certificate pending")

    journey.sign_out()
    journey.sign_in(world.rca.email, TEST_PASSWORD)
    journey.goto("/region/60/verify/")
    expect(page.get_by_text(world.coach.display_name).first).to_be_visible()
    journey.shot("verification queue")
    page.get_by_role("button", name="Approve").first.click()
    page.wait_for_load_state()
    journey.shot("approved")

    journey.sign_out()
    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto("/my/?division=10U")
    expect(_safe_haven_row(page)).to_contain_text("Met")
    journey.shot("certificate met")
