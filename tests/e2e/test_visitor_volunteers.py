"""Journey 1: a visitor reads the Region 60 site, opens "Become a coach",
sees the requirements, tells the region they would like to coach, and
writes through the contact form."""

import pytest
from playwright.sync_api import expect

from coachready.org.models import Person
from coachready.site.models import ContactMessage
from coachready.site.services.tree import create_region_site

# The public site lives in Wagtail's page tree, whose root the migrations
# create: keep it across this transactional test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_volunteers(journey, world):
    create_region_site(world.region, hostname="localhost", port=80, default=True)
    page = journey.page
    journey.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Region 60").first).to_be_visible()
    journey.shot("home page")

    page.get_by_role("link", name="Become a coach").first.click()
    page.wait_for_load_state()
    journey.shot("become a coach")
    requirements = page.get_by_role("link", name="requirements", exact=False).first
    if requirements.count():
        requirements.click()
        page.wait_for_load_state()
    expect(page.get_by_text("every 3 years").first).to_be_visible()
    expect(page.get_by_text("SafeSport").first).to_be_visible()
    journey.shot("requirements from the policy")

    journey.goto("/volunteer/")
    page.get_by_label("First name").fill("Vera")
    page.get_by_label("Last name").fill("Volunteer")
    page.get_by_label("Email address").fill("vera.volunteer@example.org")
    page.get_by_label("Division you would like to coach").select_option("10U")
    journey.shot("interest form")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()
    journey.shot("thank you")
    assert Person.objects.filter(email="vera.volunteer@example.org", status=Person.Status.PROSPECT).exists()

    journey.goto("/")
    page.get_by_role("link", name="Contact us").first.click()
    page.wait_for_load_state()
    page.get_by_label("Your name").fill("Vera Volunteer")
    page.get_by_label("Your email address").fill("vera.volunteer@example.org")
    page.get_by_label("Message").fill("Which evening is the next 10U Coach course?")
    journey.shot("contact form")
    page.get_by_role("button", name="Send message").click()
    page.wait_for_load_state()
    journey.shot("message sent")
    assert ContactMessage.objects.filter(email="vera.volunteer@example.org", region=world.region).exists()
