"""Journey 4: a US Soccer D-licence holder is cross-certified for Advanced
through the Regional Commissioner, the Area and Section coach
administrators and the National Coach."""

from datetime import date

import pytest
from playwright.sync_api import expect

from coachready.crosscert.models import Application
from tests.factories import TEST_PASSWORD, certify, fully_certified_for_10u

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_crosscert_chain(journey, world):
    certify(world.coach, fully_certified_for_10u(without="coach_10u"))
    page = journey.page
    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto("/crosscert/apply/")
    journey.shot("application form")
    page.get_by_label("Licence or diploma you hold").select_option("ussf_d")
    page.get_by_label("Licence number").fill("D-2024-55821")
    page.get_by_label("Issued on").fill(date(2024, 5, 18).isoformat())
    page.get_by_label("AYSO certificate you apply for").select_option("coach_advanced")
    page.get_by_label("Copy of the licence").set_input_files(
        files=[{"name": "d-licence.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_label("Statement").fill("I coach high-school soccer and hold the USSF D licence.")
    page.get_by_role("button", name="Send the application").click()
    page.wait_for_load_state()
    application = Application.objects.get(applicant=world.coach)
    journey.shot("application submitted")

    for persona, decision in (
        (world.rc, "Recommend"),
        (world.area_ca, "Recommend"),
        (world.section_ca, "Recommend"),
        (world.national, "Approve and grant the certificate"),
    ):
        journey.sign_out()
        journey.sign_in(persona.email, TEST_PASSWORD)
        journey.goto(f"/crosscert/{application.pk}/")
        page.get_by_role("radio", name=decision).check()
        journey.shot(f"{persona.last_name} decides")
        page.get_by_role("button", name="Record the decision").click()
        page.wait_for_load_state()

    application.refresh_from_db()
    assert application.status == "approved"
    journey.sign_out()
    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto("/my/?division=16U")
    expect(page.get_by_role("heading", name="You may coach 16U", exact=False)).to_be_visible()
    journey.shot("eligible for 16U")
