"""Journey 6: a School Yard coach plans a season and prints it."""

import pytest
from playwright.sync_api import expect

from coachready.schoolyard.models import SeasonPlan
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_schoolyard_season(journey, world):
    page = journey.page
    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto("/schoolyard/")
    journey.shot("curriculum")
    journey.goto("/schoolyard/plans/new/")
    page.get_by_label("First session").fill("2026-09-12")
    page.get_by_label("Number of sessions").fill("12")
    page.get_by_label("Dates with no session").fill("2026-10-31")
    journey.shot("plan form")
    page.get_by_role("button", name="Make the plan").click()
    page.wait_for_load_state()
    plan = SeasonPlan.objects.get()
    expect(page.get_by_text("September 12, 2026").first).to_be_visible()
    journey.shot("the plan")

    page.get_by_label("Repeat a week").select_option("3")
    page.get_by_role("button", name="Repeat this week").click()
    page.wait_for_load_state()
    journey.shot("week 3 repeated")

    journey.goto(f"/schoolyard/plans/{plan.pk}/print/")
    page.emulate_media(media="print")
    # Twelve Saturdays from September 12 with no session on October 31.
    expect(page.get_by_text("Sat Nov 7, 2026").first).to_be_visible()
    expect(page.get_by_text("Sat Dec 5, 2026").first).to_be_visible()
    expect(page.get_by_text("Sat Oct 31, 2026")).to_have_count(0)
    expect(page.get_by_text("repeats week", exact=False).first).to_be_visible()
    journey.shot("printed plan")
    pdf = journey.folder / "plan.pdf"
    page.pdf(path=str(pdf))
    assert pdf.stat().st_size > 1000
