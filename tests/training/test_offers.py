"""The hooks other apps call: course offers for the path to ready, the digest."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coachready.core.hooks import course_offers, digest_sections
from coachready.training.services.enrolment import enrol
from tests.factories import make_person
from tests.training.builders import days, make_event

pytestmark = pytest.mark.django_db


def test_course_offers_list_open_events_for_the_course_own_region_first(world):
    here = make_event(world.region, title="10U here", session_days=(20, 22))
    there = make_event(world.other_region, title="10U next door", session_days=(5, 7))
    full = make_event(world.region, title="10U full", capacity=1, session_days=(30,))
    enrol(full, make_person(world.region, "Fast"))
    make_event(world.region, title="12U", course="coach_12u")
    make_event(world.region, title="Draft", status="draft")
    make_event(world.region, title="Closed", session_days=(3,), enrol_by=days(-1))

    offers = course_offers(world.region, "coach_10u", days(0))

    titles = [o.title for o in offers]
    assert set(titles) == {"10U here (Region 60)", "10U next door (Region 61)", "10U full (Region 60)"}
    first = next(o for o in offers if o.title.startswith("10U here"))
    assert first.enrol_url == reverse("training:enrol", args=[here.pk]) and first.seats_left == 20
    assert next(o for o in offers if o.title.startswith("10U full")).seats_left == 0
    assert there.pk


def test_the_enrol_url_of_an_offer_takes_a_post_from_a_volunteer(world, login):
    make_event(world.region)
    offer = course_offers(world.region, "coach_10u", days(0))[0]
    response = login(world.other_rca).post(offer.enrol_url)
    assert response.status_code == 302
    assert world.other_rca.training_enrollments.count() == 1


def test_the_digest_lists_this_weeks_events_with_seats_and_waiting_lists(world):
    event = make_event(world.region, capacity=1, session_days=(3, 5), enrol_by=days(2))
    enrol(event, world.coach)
    enrol(event, world.referee)
    sections = digest_sections(world.region, days(0))
    ours = [s for s in sections if s.title == "Training this week"]
    assert len(ours) == 1 and "full, 1 waiting" in ours[0].lines[0]
    assert digest_sections(world.other_region, days(0)) == [] or all(
        s.title != "Training this week" for s in digest_sections(world.other_region, days(0))
    )
