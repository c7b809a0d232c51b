"""A cleared coach opens their Coach Pass and prints the wallet card on one page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coachready.teams.models import CoachAssignment, Season, Team
from tests.factories import TEST_PASSWORD, certify

pytestmark = pytest.mark.django_db(transaction=True)


def pages_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_coach_pass(journey, world):
    today = timezone.localdate()
    season = Season.objects.create(region=world.region, membership_year=today.year, term=Season.Term.FALL,
                                   starts_on=today - timedelta(days=30), first_game_on=today,
                                   ends_on=today + timedelta(days=90))
    team = Team.objects.create(season=season, division="10U", name="Comets")
    certify(world.coach)
    CoachAssignment.objects.create(team=team, person=world.coach, role=CoachAssignment.Role.HEAD_COACH)

    page = journey.page
    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto("/my/")
    page.get_by_role("link", name="My Coach Pass").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("img", name="QR code of your Coach Pass")).to_be_visible()
    expect(page.get_by_text("10U Head Coach")).to_be_visible()
    journey.shot("my pass")
    page.emulate_media(media="print")
    pdf = journey.folder / "pass.pdf"
    page.pdf(path=str(pdf))
    assert pages_in(pdf.read_bytes()) == 1

    page.emulate_media(media="screen")
    page.get_by_role("link", name="Print a wallet card").click()
    page.wait_for_load_state()
    journey.shot("wallet card")
    page.emulate_media(media="print")
    card = page.locator(".pass-card").bounding_box()
    # 85.6 mm x 54 mm at 96 px to the inch.
    assert abs(card["width"] - 323.5) < 3 and abs(card["height"] - 204.1) < 3
    pdf = journey.folder / "card.pdf"
    page.pdf(path=str(pdf))
    assert pages_in(pdf.read_bytes()) == 1
