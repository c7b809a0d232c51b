"""Who sees which page: the applicant, the role holders concerned, and
nobody else. Lists stay at a constant number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coachready.org.models import Role
from tests.crosscert.conftest import PDF, advance, make_application
from tests.factories import give_role, make_person, make_region

pytestmark = pytest.mark.django_db


def other_rc():
    region = make_region(62, "Elsewhere")
    person = make_person(region, "Olivia", "OtherRC")
    give_role(person, Role.REGIONAL_COMMISSIONER, region=region)
    return person


@pytest.mark.parametrize("page", ["crosscert:detail", "crosscert:scan"])
@pytest.mark.parametrize(("persona", "status"), [
    ("coach", 200), ("rc", 200), ("rca", 200), ("area_ca", 200), ("section_ca", 200), ("national", 200),
    ("other_rca", 403), ("referee", 403), ("instructor", 403), ("safety", 403),
])
def test_an_application_is_seen_by_its_applicant_and_the_chain(world, login, submitted, page, persona, status):
    response = login(getattr(world, persona)).get(reverse(page, args=[submitted.pk]))
    response.close()  # a served file is streamed; close it like a server would
    assert response.status_code == status


@pytest.mark.parametrize("page", ["crosscert:detail", "crosscert:scan", "crosscert:edit"])
def test_another_regions_commissioner_and_anonymous_are_refused(world, login, submitted, page):
    url = reverse(page, args=[submitted.pk])
    assert login(other_rc()).get(url).status_code == 403
    response = login(None).get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_application_is_404(world, login):
    assert login(world.national).get(reverse("crosscert:detail", args=[999])).status_code == 404


def test_the_scan_is_served_by_content_privately(world, login, submitted):
    response = login(world.rc).get(reverse("crosscert:scan", args=[submitted.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF
    response.close()


def test_the_detail_page_shows_where_it_stands_and_the_decision_form_only_to_the_actor(world, login, submitted):
    applicant_page = login(world.coach).get(reverse("crosscert:detail", args=[submitted.pk]))
    text = applicant_page.content.decode()
    assert "Waiting for the Regional Commissioner (Region 60 Alhambra/Monterey Park) since" in text
    assert applicant_page.context["form"] is None
    assert "Held by Ray Commissioner." in text
    assert login(world.area_ca).get(reverse("crosscert:detail", args=[submitted.pk])).context["form"] is None
    rc_page = login(world.rc).get(reverse("crosscert:detail", args=[submitted.pk]))
    assert rc_page.context["form"] is not None
    assert "The applicant&#x27;s record" in rc_page.content.decode() or "applicant's record" in rc_page.content.decode()


def test_the_applicant_follows_their_applications(world, login, submitted, chain_actors):
    advance(submitted, chain_actors, 1)
    page = login(world.coach).get(reverse("crosscert:mine")).content.decode()
    assert "Waiting for the Area Coach Administrator (Area 1C) since" in page
    assert "Advanced Coach" in page
    # A reviewer's own list holds only their own applications.
    assert "You have not applied" in login(world.rc).get(reverse("crosscert:mine")).content.decode()


def test_my_applications_needs_sign_in(world, client):
    assert client.get(reverse("crosscert:mine")).status_code == 302


@pytest.mark.parametrize(("persona", "status"), [
    ("rc", 200), ("rca", 200), ("area_ca", 200), ("section_ca", 200), ("national", 200),
    ("other_rca", 200), ("coach", 403), ("referee", 403), ("instructor", 403),
])
def test_the_queue_is_for_reviewers(world, login, persona, status):
    assert login(getattr(world, persona)).get(reverse("crosscert:queue")).status_code == status


def test_the_queue_needs_sign_in(world, client):
    response = client.get(reverse("crosscert:queue"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_queue_lists_what_waits_on_the_users_step_only(world, login, submitted, chain_actors):
    assert [r["application"] for r in login(world.rc).get(reverse("crosscert:queue")).context["rows"]] == [submitted]
    assert login(world.area_ca).get(reverse("crosscert:queue")).context["rows"] == []
    assert login(world.other_rca).get(reverse("crosscert:queue")).context["rows"] == []
    advance(submitted, chain_actors, 1)
    rows = login(world.area_ca).get(reverse("crosscert:queue")).context["rows"]
    assert [r["application"] for r in rows] == [submitted]
    assert rows[0]["waited_days"] == 0
    assert login(world.rc).get(reverse("crosscert:queue")).context["rows"] == []


def test_the_queue_does_not_offer_a_reviewer_their_own_application(world, login):
    make_application(world.rc)
    assert login(world.rc).get(reverse("crosscert:queue")).context["rows"] == []


@pytest.mark.parametrize("count", [1, 12])
def test_the_queue_costs_the_same_for_one_or_many(world, login, django_assert_max_num_queries, count):
    for i in range(count):
        person = make_person(world.region, "Applicant", f"Number{i}", user=False)
        make_application(person)
    client = login(world.rc)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("crosscert:queue"))
    assert len(response.context["rows"]) == count
