"""The volunteer's page: their whole record for themself and their region's
administrators, the actions taken from it, and nobody else let in."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.notify.models import OutboundEmail, SentReminder
from coachready.org.audit import log_action
from coachready.org.models import Role
from coachready.teams.models import CoachAssignment, Season, Team
from tests.certs.conftest import make_season
from tests.certs.test_portal_views import PDF
from tests.crosscert.conftest import make_application
from tests.factories import give_record, give_role, make_person
from tests.training.builders import make_event, seat

pytestmark = pytest.mark.django_db


def today() -> date:
    return timezone.localdate()


@pytest.fixture
def monica(world):
    """A registered 16U coach not on a team yet, with a history."""
    person = make_person(world.region, "Monica", "Morales")
    give_role(person, Role.COACH, region=world.region, division="16U")
    give_record(person, "safe_haven", date(2021, 5, 1), verified_by=world.rca.user,
                verified_at=timezone.now(), evidence=SimpleUploadedFile("sh.pdf", PDF))
    give_record(person, "safesport", date(2019, 5, 1))
    give_record(person, "coach_8u", today() - timedelta(days=3), status="pending", source="upload",
                evidence=SimpleUploadedFile("8u.pdf", PDF))
    return person


def running_season(region) -> Season:
    """A season under way today, whatever day the suite runs."""
    return Season.objects.create(region=region, membership_year=today().year, term="fall",
                                 starts_on=today() - timedelta(days=30), first_game_on=today() + timedelta(days=10),
                                 ends_on=today() + timedelta(days=90))


def _history(world, person, point=0):
    seat(make_event(world.region, title="12U Coach course", course="coach_12u"), person)
    make_application(person)
    email = OutboundEmail.objects.create(to=[person.email], subject="SafeSport has lapsed", text="t", html="h",
                                         person=person, region=world.region)
    SentReminder.objects.create(person=person, requirement="safesport", valid_until=date(2022, 4, 30), point=point,
                                run=uuid.uuid4(), as_of=date(2022, 4, 30), email=email)
    log_action("org.person.updated", user=world.rca.user, obj=person, region=world.region,
               summary=f"Phone changed for {person.display_name}")


@pytest.mark.parametrize(("persona", "status"), [
    ("rca", 200), ("rc", 200), ("safety", 200), ("area_ca", 200), ("section_ca", 200), ("national", 200),
    ("other_rca", 403), ("coach", 403), ("referee", 403), ("instructor", 403), ("other_instructor", 403),
])
def test_who_may_open_a_volunteers_page(world, login, monica, persona, status):
    assert login(getattr(world, persona)).get(reverse("org:person", args=[monica.pk])).status_code == status


def test_anonymous_is_sent_to_sign_in(world, client, monica):
    response = client.get(reverse("org:person", args=[monica.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_the_whole_record_for_the_regions_administrator(world, login, monica):
    _history(world, monica)
    body = login(world.rca).get(reverse("org:person", args=[monica.pk])).content.decode()
    # the verdict for the role and division held, with its path (prerequisites counted)
    assert "Head Coach, 16U" in body and "awaiting a team" in body and "Not ready" in body
    assert "Path to ready by" in body and "12U Coach" in body and "Intermediate Coach" in body
    assert "Advanced Coach" in body
    # every record: source, evidence, verifier, validity
    assert "Safe Haven" in body and "Online course" in body
    assert "Rita Administrator" in body
    assert reverse("certs:evidence", args=[monica.records.get(requirement="safe_haven").pk]) in body
    assert "2022-04-30" in body  # SafeSport's last valid day, shown as expired
    # pending upload with its decision forms, back to this page
    pending = monica.records.get(status="pending")
    assert reverse("certs:approve", args=[60, pending.pk]) in body
    assert "Uploads waiting for verification" in body
    # enrolments, cross-certification, reminders, emails, audit
    assert "12U Coach course" in body
    assert "Advanced Coach" in body and "In review" in body
    assert "Reminders sent" in body and "SafeSport has lapsed" in body
    assert "Phone changed for Monica Morales" in body


def test_record_form_lists_titles_not_codes(world, login, monica):
    body = login(world.rca).get(reverse("org:person", args=[monica.pk])).content.decode()
    assert '<option value="coach_10u">10U Coach</option>' in body
    assert ">coach_10u<" not in body


def test_the_volunteer_sees_their_own_page_without_the_administrators_tools(world, login, monica):
    _history(world, monica)
    body = login(monica).get(reverse("org:person", args=[monica.pk])).content.decode()
    assert "Head Coach, 16U" in body and "Safe Haven" in body
    assert "Record a completion" not in body and "Audit trail" not in body
    assert reverse("certs:approve", args=[60, monica.records.get(status="pending").pk]) not in body


def test_verify_from_the_page_comes_back_to_it(world, login, monica):
    pending = monica.records.get(status="pending")
    page = reverse("org:person", args=[monica.pk])
    response = login(world.rca).post(reverse("certs:approve", args=[60, pending.pk]),
                                     {f"a{pending.pk}-completed_on": pending.completed_on.isoformat(), "next": page})
    assert response.status_code == 302 and response["Location"] == page
    pending.refresh_from_db()
    assert pending.status == "verified" and pending.verified_by == world.rca.user


def test_record_a_completion_from_the_page(world, login, monica):
    page = reverse("org:person", args=[monica.pk])
    response = login(world.rca).post(reverse("certs:manual_record", args=[60, monica.pk]), {
        "requirement": "coach_12u", "completed_on": (today() - timedelta(days=1)).isoformat(),
        "source": "event", "next": page,
    })
    assert response.status_code == 302 and response["Location"] == page
    assert monica.records.get(requirement="coach_12u").status == "verified"


def test_email_from_the_page(world, login, monica, django_capture_on_commit_callbacks):
    page = reverse("org:person", args=[monica.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.rca).post(reverse("certs:email", args=[60]), {
            "people": [monica.pk], "subject": "Your 16U courses", "body": "Call me.", "next": page,
        })
    assert response.status_code == 302 and response["Location"] == page
    assert [m.subject for m in mail.outbox if m.to == [monica.email]] == ["Your 16U courses"]


def test_assign_to_a_team_goes_through_the_teams_gate(world, login, monica):
    season = running_season(world.region)
    team = Team.objects.create(season=season, division="16U", name="Red Foxes")
    client = login(world.rca)
    body = client.get(reverse("org:person", args=[monica.pk])).content.decode()
    assert f'<option value="{team.pk}">16U Red Foxes</option>' in body
    response = client.get(reverse("org:person", args=[monica.pk]), {"team": team.pk, "role": "assistant_coach"})
    assert response.status_code == 302
    assert response["Location"] == (f'{reverse("teams:team", args=[60, team.pk])}'
                                    f"?person={monica.pk}&role=assistant_coach")
    assert not CoachAssignment.objects.exists()  # the team page decides, with its readiness gate


def test_assign_to_another_regions_team_is_refused(world, login, monica):
    team = Team.objects.create(season=make_season(world.other_region), division="16U", name="Elsewhere")
    response = login(world.rca).get(reverse("org:person", args=[monica.pk]), {"team": team.pk})
    assert response.status_code == 404


@pytest.mark.parametrize("bad", ["abc", "99999999"])
def test_a_bad_team_is_not_a_500(world, login, monica, bad):
    assert login(world.rca).get(reverse("org:person", args=[monica.pk]), {"team": bad}).status_code == 404


def test_queries_do_not_grow_with_the_history(world, login, monica, django_assert_max_num_queries):
    client = login(world.rca)
    url = reverse("org:person", args=[monica.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    # Counted now: every request empties the connection's query log.
    queries = len(small.captured_queries)
    _history(world, monica)
    _history(world, monica, point=7)
    for code in ("concussion", "sudden_cardiac_arrest", "live_scan", "referee_regional", "coach_12u"):
        give_record(monica, code, date(2022, 1, 1), verified_by=world.rca.user)
    give_record(monica, "coach_6u", today(), status="pending", source="upload")
    give_role(monica, Role.ASSISTANT_COACH, region=world.region, division="10U")
    team = Team.objects.create(season=running_season(world.region), division="12U", name="Owls")
    CoachAssignment.objects.create(team=team, person=monica, role="head_coach")
    # The role and team writes renew the menu kept for the signed-in
    # administrator; build it again before measuring the page itself.
    client.get(url)
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert "Assistant Coach, 10U" in response.content.decode() and "12U Owls" in response.content.decode()
    assert CertificationRecord.objects.filter(person=monica).count() == 9


def test_the_record_a_completion_page_shows_titles_and_links_back(world, login, monica):
    body = login(world.rca).get(reverse("certs:manual_record", args=[60, monica.pk])).content.decode()
    assert "Safe Haven · 2021-05-01" in body and "safe_haven ·" not in body
    assert f'href="{reverse("org:person", args=[monica.pk])}"' in body
