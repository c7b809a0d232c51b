"""Journey 3: a coach takes the 10U course, the instructor marks attendance,
and the RCA assigns the now-eligible coach as a 10U head coach."""

from datetime import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coachready.teams.models import CoachAssignment
from coachready.training.models import Event, Session
from tests.e2e.helpers import fall_season, team
from tests.factories import TEST_PASSWORD, certify, fully_certified_for_10u

pytestmark = pytest.mark.django_db(transaction=True)


def test_course_to_team(journey, world):
    today = timezone.localdate()
    certify(world.coach, fully_certified_for_10u(without="coach_10u"))
    event = Event.objects.create(
        region=world.region, kind=Event.Kind.COURSE, title="10U Coach course", course="coach_10u",
        description="Classroom in the morning, field in the afternoon.", venue_name="Almansor Park",
        capacity=10, enrol_by=today, status=Event.Status.PUBLISHED,
    )
    event.instructors.add(world.instructor)
    sessions = [
        Session.objects.create(event=event, date=today, start=time(9), end=time(12), title="classroom"),
        Session.objects.create(event=event, date=today, start=time(13), end=time(16), title="on the field"),
    ]
    owls = team(fall_season(world.region), "10U", "Owls")
    page = journey.page

    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto(f"/training/events/{event.pk}/")
    journey.shot("course page")
    page.get_by_role("button", name="Enrol").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Cancel my place")).to_be_visible()
    journey.shot("enrolled")

    journey.sign_out()
    journey.sign_in(world.instructor.email, TEST_PASSWORD)
    for number, session in enumerate(sessions, start=1):
        journey.goto(f"/region/60/training/{event.pk}/sessions/{session.pk}/attendance/")
        page.get_by_label(world.coach.display_name).check()
        journey.shot(f"attendance session {number}")
        page.get_by_role("button", name="Save attendance").click()
        page.wait_for_load_state()

    journey.sign_out()
    journey.sign_in(world.coach.email, TEST_PASSWORD)
    journey.goto("/my/?division=10U")
    expect(page.get_by_role("heading", name="You may coach 10U", exact=False)).to_be_visible()
    journey.shot("eligible for 10U")
    journey.goto("/my/history/")
    expect(page.get_by_text("In-person training event").first).to_be_visible()
    journey.shot("history shows the course")

    journey.sign_out()
    journey.sign_in(world.rca.email, TEST_PASSWORD)
    journey.goto(f"/region/60/teams/{owls.pk}/")
    page.get_by_label("Find a volunteer by name or volunteer id").fill(world.coach.last_name)
    page.get_by_role("button", name="Find").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=world.coach.display_name).click()
    page.wait_for_load_state()
    journey.shot("candidate verdict")
    page.get_by_role("button", name="Assign", exact=True).click()
    page.wait_for_load_state()
    journey.shot("assigned")
    assignment = CoachAssignment.objects.get(team=owls, person=world.coach)
    assert assignment.role == "head_coach"
    assert assignment.override_reason == ""
