"""Every training page, by persona: the public reads, volunteers enrol and see
only their own enrolments, the region's admins and instructors manage,
everyone else is refused. Bad input is refused with a message, nothing saved."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coachready.org.models import AuditEntry
from coachready.training.models import Enrollment, Event, Session
from coachready.training.services.enrolment import enrol
from tests.factories import make_person
from tests.training.builders import days, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(world):
    return make_event(world.region, instructors=[world.instructor])


def manage_urls(event):
    session = event.sessions.first()
    return [
        reverse("training:manage_list", args=[60]),
        reverse("training:manage_new", args=[60]),
        reverse("training:manage_event", args=[60, event.pk]),
        reverse("training:manage_edit", args=[60, event.pk]),
        reverse("training:session_new", args=[60, event.pk]),
        reverse("training:session_edit", args=[60, event.pk, session.pk]),
        reverse("training:attendance", args=[60, event.pk, session.pk]),
        reverse("training:roster", args=[60, event.pk]),
    ]


@pytest.mark.parametrize(("persona", "status"), [
    ("rca", 200), ("rc", 200), ("instructor", 200), ("area_ca", 200), ("national", 200),
    ("other_rca", 403), ("other_instructor", 403), ("coach", 403), ("referee", 403),
])
def test_management_pages_by_persona(world, login, event, persona, status):
    client = login(getattr(world, persona))
    for url in manage_urls(event):
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize("action", ["manage_publish", "manage_cancel", "manage_complete"])
@pytest.mark.parametrize("persona", ["other_rca", "other_instructor", "coach"])
def test_outsiders_cannot_change_an_events_status(world, login, event, action, persona):
    response = login(getattr(world, persona)).post(reverse(f"training:{action}", args=[60, event.pk]))
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == "published"


def test_anonymous_cannot_manage(world, client, event):
    for url in manage_urls(event):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    response = client.post(reverse("training:manage_cancel", args=[60, event.pk]))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "published"


def test_an_event_of_another_region_is_not_found_under_this_one(world, login):
    theirs = make_event(world.other_region)
    assert login(world.rca).get(reverse("training:manage_event", args=[60, theirs.pk])).status_code == 404


@pytest.mark.parametrize("persona", [None, "coach", "other_rca"])
def test_anyone_reads_the_calendar_and_a_published_event(world, login, event, persona):
    client = login(getattr(world, persona) if persona else None)
    calendar = client.get(reverse("training:calendar"))
    assert calendar.status_code == 200 and event.title in calendar.content.decode()
    assert client.get(reverse("training:event", args=[event.pk])).status_code == 200


def test_a_draft_is_hidden_from_the_public_but_not_from_its_managers(world, login):
    draft = make_event(world.region, title="Secret draft", status="draft")
    for persona, status in ((None, 404), (world.coach, 404), (world.other_rca, 404), (world.instructor, 200)):
        assert login(persona).get(reverse("training:event", args=[draft.pk])).status_code == status
    assert "Secret draft" not in login(None).get(reverse("training:calendar")).content.decode()


def test_the_calendar_filters_by_region_and_course(world, client):
    make_event(world.region, title="Ours 10U")
    make_event(world.region, title="Ours referee", course="referee_regional")
    make_event(world.other_region, title="Theirs 10U")
    page = client.get(reverse("training:calendar"), {"region": 60, "course": "coach_10u"}).content.decode()
    assert "Ours 10U" in page and "Ours referee" not in page and "Theirs 10U" not in page


@pytest.mark.parametrize("query", [{"region": "abc"}, {"region": 999}, {"course": "coach_99u"}, {"when": "soon"}])
def test_a_bad_calendar_filter_says_so(world, client, query):
    response = client.get(reverse("training:calendar"), query)
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_calendar_queries_do_not_grow_with_the_number_of_events(world, client, django_assert_max_num_queries):
    make_event(world.region, title="Course 0")
    few = queries_for(client, reverse("training:calendar"))
    for i in range(1, 15):
        make_event(world.region, title=f"Course {i}")
    with django_assert_max_num_queries(few):
        assert client.get(reverse("training:calendar")).status_code == 200


def test_roster_queries_do_not_grow_with_the_class(world, login, event, django_assert_max_num_queries):
    enrol(event, make_person(world.region, "First", user=False))
    client = login(world.rca)
    url = reverse("training:roster", args=[60, event.pk])
    few = queries_for(client, url)
    for i in range(25):
        enrol(event, make_person(world.region, f"P{i}", user=False))
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_a_volunteer_enrols_and_cancels_from_the_event_page(world, login, event):
    client = login(world.coach)
    response = client.post(reverse("training:enrol", args=[event.pk]), follow=True)
    assert "You are enrolled" in response.content.decode()
    assert Enrollment.objects.get(event=event).person == world.coach
    response = client.post(reverse("training:cancel", args=[event.pk]), follow=True)
    assert "cancelled" in response.content.decode()
    assert Enrollment.objects.get(event=event).status == "cancelled"


def test_a_refused_enrolment_shows_the_reason(world, login):
    course = make_event(world.region, title="Intermediate", course="coach_intermediate")
    page = login(world.coach).get(reverse("training:event", args=[course.pk])).content.decode()
    assert "Before the Intermediate Coach course, complete 12U Coach." in page
    response = login(world.coach).post(reverse("training:enrol", args=[course.pk]), follow=True)
    assert "complete 12U Coach" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_anonymous_is_sent_to_sign_in_to_enrol(world, client, event):
    response = client.post(reverse("training:enrol", args=[event.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert not Enrollment.objects.exists()


def test_a_coach_sees_only_their_own_enrolments(world, login, event):
    enrol(event, world.referee)
    enrol(event, world.coach)
    page = login(world.coach).get(reverse("training:my")).content.decode()
    assert event.title in page
    roster = reverse("training:roster", args=[60, event.pk])
    assert login(world.coach).get(roster).status_code == 403
    assert world.referee.email not in page and "Reggie" not in page
    public = login(world.coach).get(reverse("training:event", args=[event.pk])).content.decode()
    assert world.referee.email not in public and "Reggie" not in public


def test_my_training_needs_a_sign_in(world, client):
    assert client.get(reverse("training:my")).status_code == 302


def test_the_roster_lets_the_region_take_someone_off_and_promotes_the_next(world, login):
    event = make_event(world.region, capacity=1)
    enrol(event, world.coach)
    enrol(event, world.referee)
    mail.outbox.clear()
    taken = Enrollment.objects.get(person=world.coach)
    response = login(world.rca).post(reverse("training:roster_cancel", args=[60, event.pk, taken.pk]))
    assert response.status_code == 302
    assert Enrollment.objects.get(person=world.referee).status == "enrolled"
    assert [m.to for m in mail.outbox] == [[world.coach.email], [world.referee.email]]
    assert "taken you off" in mail.outbox[0].body


def valid_new_event(**changes):
    data = {
        "kind": "course", "title": "10U Coach course", "course": "coach_10u", "venue_name": "Almansor Park",
        "capacity": "20", "enrol_by": days(8).isoformat(),
        "session_date": days(10).isoformat(), "session_start": "18:30", "session_end": "21:30",
    }
    data.update(changes)
    return data


def test_an_instructor_creates_publishes_and_extends_an_event(world, login):
    client = login(world.instructor)
    response = client.post(reverse("training:manage_new", args=[60]),
                           valid_new_event(instructors=[world.instructor.pk]))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == "draft" and list(event.instructors.all()) == [world.instructor]
    url = reverse("training:session_new", args=[60, event.pk])
    assert client.post(url, {"date": days(12).isoformat(), "start": "08:00", "end": "12:00"}).status_code == 302
    assert client.post(reverse("training:manage_publish", args=[60, event.pk])).status_code == 302
    event.refresh_from_db()
    assert event.status == "published" and event.sessions.count() == 2
    assert AuditEntry.objects.filter(action__startswith="training.", actor=world.instructor.user).count() == 3


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"session_start": "21:30", "session_end": "18:30"}, "session_end", "must end after it starts"),
    ({"capacity": "0"}, "capacity", "at least 1"),
    ({"capacity": "-5"}, "capacity", "at least 1"),
    ({"capacity": "many"}, "capacity", "whole number"),
    ({"enrol_by": days(11).isoformat()}, "enrol_by", "must not be after the first session"),
    ({"course": "coach_99u"}, "course", "Unknown course code coach_99u"),
    ({"kind": "course", "course": ""}, "course", "Choose the requirement"),
    ({"kind": "clinic", "course": "coach_10u"}, "course", "grants no certificate"),
    ({"session_date": "2026-02-30"}, "session_date", "valid date"),
])
def test_bad_event_input_is_refused_with_a_message_and_nothing_saved(world, login, changes, field, message):
    client = login(world.rca)
    response = client.post(reverse("training:manage_new", args=[60]), valid_new_event(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert field in response.context["form"].errors
    assert not Event.objects.exists() and not Session.objects.exists() and not AuditEntry.objects.exists()


def test_someone_without_the_instructor_role_cannot_be_named_instructor(world, login):
    response = login(world.rca).post(reverse("training:manage_new", args=[60]),
                                     valid_new_event(instructors=[world.other_instructor.pk]))
    assert response.status_code == 200 and "instructors" in response.context["form"].errors
    assert not Event.objects.exists()


@pytest.mark.parametrize(("data", "message"), [
    ({"date": days(13).isoformat(), "start": "12:00", "end": "08:00"}, "must end after it starts"),
    ({"date": days(1).isoformat(), "start": "08:00", "end": "12:00"}, "before the enrolment deadline"),
    ({"date": "", "start": "08:00", "end": "12:00"}, "required"),
])
def test_bad_session_input_is_refused(world, login, event, data, message):
    before = (event.sessions.count(), event.sequence)
    response = login(world.instructor).post(reverse("training:session_new", args=[60, event.pk]), data)
    assert response.status_code == 200 and message in response.content.decode()
    event.refresh_from_db()
    assert (event.sessions.count(), event.sequence) == before


def test_capacity_cannot_drop_below_the_people_enrolled(world, login, event):
    enrol(event, world.coach)
    enrol(event, world.referee)
    data = {"kind": "course", "title": event.title, "course": "coach_10u", "venue_name": event.venue_name,
            "capacity": "1", "enrol_by": event.enrol_by.isoformat()}
    response = login(world.rca).post(reverse("training:manage_edit", args=[60, event.pk]), data)
    assert response.status_code == 200 and "cannot be lower" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 20


def test_editing_the_venue_tells_the_people_enrolled(world, login, event):
    enrol(event, world.coach)
    mail.outbox.clear()
    data = {"kind": "course", "title": event.title, "course": "coach_10u", "venue_name": "Barnes Park",
            "capacity": "20", "enrol_by": event.enrol_by.isoformat(), "instructors": [world.instructor.pk]}
    assert login(world.rca).post(reverse("training:manage_edit", args=[60, event.pk]), data).status_code == 302
    assert [m.subject for m in mail.outbox] == [f"Changed: {event.title}"]
    assert "the venue" in mail.outbox[0].body and mail.outbox[0].attachments


def test_cancelling_an_event_tells_everyone_enrolled_or_waiting(world, login):
    event = make_event(world.region, capacity=1)
    enrol(event, world.coach)
    enrol(event, world.referee)
    mail.outbox.clear()
    response = login(world.rca).post(reverse("training:manage_cancel", args=[60, event.pk]),
                                     {"reason": "The park is closed for repairs."})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "cancelled"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.coach.email, world.referee.email])
    assert "closed for repairs" in mail.outbox[0].body
    assert "STATUS:CANCELLED" in mail.outbox[0].attachments[0][1]
