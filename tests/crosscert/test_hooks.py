"""What the app offers elsewhere: menu and home cards, the weekly digest,
and its demo data."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from coachready.core.demo import DemoContext
from coachready.core.hooks import digest_sections
from coachready.crosscert import demo
from coachready.crosscert.models import Application
from tests.crosscert.conftest import advance
from tests.factories import give_record, make_person

pytestmark = pytest.mark.django_db


def test_the_digest_lists_the_regions_waiting_applications(world, submitted, chain_actors):
    advance(submitted, chain_actors, 1)
    sections = [s for s in digest_sections(world.region, timezone.localdate()) if "Cross" in s.title]
    assert len(sections) == 1
    (line,) = sections[0].lines
    assert "Casey Coach" in line and "Advanced Coach" in line
    assert "step 2 of 4, waiting for the Area Coach Administrator (Area 1C) for 0 days" in line
    assert sections[0].url == reverse("crosscert:queue")
    assert not [s for s in digest_sections(world.other_region, timezone.localdate()) if "Cross" in s.title]


def test_the_reviewers_menu_counts_the_queue_as_it_changes(world, login, ready_coach, chain_actors):
    from coachready.crosscert.services import submit_application
    from tests.crosscert.conftest import application_data

    client = login(world.rc)
    assert "Cross-cert queue" not in client.get(reverse("certs:checklist")).content.decode()
    application = submit_application(ready_coach, application_data(), user=ready_coach.user)
    assert "Cross-cert queue (1)" in client.get(reverse("core:home")).content.decode()
    advance(application, chain_actors, 1)
    assert "Cross-cert queue" not in client.get(reverse("core:home")).content.decode()


def test_home_and_menu_offer_the_queue_to_reviewers_with_items(world, login, submitted):
    home = login(world.rc).get(reverse("core:home")).content.decode()
    assert "Cross-certification queue" in home and "1 application waiting" in home
    assert "Cross-cert queue (1)" in home
    area_home = login(world.area_ca).get(reverse("core:home")).content.decode()
    assert "Cross-certification queue" not in area_home
    coach_home = login(world.coach).get(reverse("core:home")).content.decode()
    assert reverse("crosscert:mine") in coach_home
    assert "Cross-cert queue" not in coach_home
    assert f'<li><a href="{reverse("crosscert:mine")}">Cross-certification</a></li>' in coach_home


def test_the_menu_entry_is_for_people_who_have_applied(world, login):
    home = login(world.coach).get(reverse("core:home")).content.decode()
    assert f'<li><a href="{reverse("crosscert:mine")}">Cross-certification</a></li>' not in home


def test_demo_applications_tell_the_three_stories(world):
    people = [make_person(world.region, "Demo", f"Volunteer{i}", user=False) for i in range(4)]
    for person in people[1:]:
        give_record(person, "safe_haven", date(2020, 1, 1))
        give_record(person, "concussion", date(2020, 1, 1))
    ctx = DemoContext(
        section=world.section, area=world.area, region=world.region, other_region=world.other_region,
        people=people,
        personas={"rc": world.rc, "area": world.area_ca, "section": world.section_ca, "national": world.national,
                  "coach": world.coach},
        superuser=world.national.user, rng=random.Random(60),
    )
    demo.load(ctx)
    by_status = {a.status: a for a in Application.objects.all()}
    assert set(by_status) == {"submitted", "returned", "approved"}
    assert by_status["submitted"].licence == "ussf_d"
    assert by_status["submitted"].current_role == "area_coach_administrator"
    assert by_status["returned"].reason
    assert people[0] not in {a.applicant for a in by_status.values()}  # no Safe Haven on record
    approved = by_status["approved"]
    assert approved.applicant.records.get(requirement="coach_advanced").source == "crosscert"
    assert approved.decisions.count() == 4
