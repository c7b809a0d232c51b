"""Attendance grants the course at once; corrections withdraw it, audited;
only the event region's instructors and administrators mark."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coachready.certs.models import CertificationRecord
from coachready.certs.services.records import rule_records_by_person
from coachready.org.models import AuditEntry
from coachready.rules import evaluate
from coachready.training.models import Attendance
from coachready.training.services import Refused
from coachready.training.services.attendance import mark_attendance
from coachready.training.services.enrolment import enrol
from tests.factories import give_record, make_person
from tests.training.builders import days, make_event

pytestmark = pytest.mark.django_db

ALL_BUT_THE_COURSE = ("safe_haven", "concussion", "sudden_cardiac_arrest", "live_scan", "referee_regional")


def ready_but_for_the_course(person):
    """Every 10U requirement except the 10U Coach course itself."""
    for code in ALL_BUT_THE_COURSE:
        give_record(person, code, days(-400))
    give_record(person, "safesport", days(-100))
    give_record(person, "background_check", days(-30), risk_status="green")


def verdict_10u(person, region):
    records = rule_records_by_person([person.pk]).get(person.pk, [])
    return evaluate(records, "10U", "head_coach", days(0), region.policy())


def past_course(world, **kw):
    """A 10U course whose classroom evening and field morning are over."""
    return make_event(world.region, session_days=(-3, -1), enrol_by=days(-5), instructors=[world.instructor], **kw)


def test_a_volunteer_missing_10u_attends_both_sessions_and_becomes_eligible(world, login):
    volunteer = make_person(world.region, "Vera", "Volunteer")
    ready_but_for_the_course(volunteer)
    assert verdict_10u(volunteer, world.region).unmet == ("coach_10u",)

    event = past_course(world)
    enrollment = enrol(event, volunteer, as_of=days(-6))
    classroom, field = event.sessions.all()

    client = login(world.instructor)
    url = reverse("training:attendance", args=[60, event.pk, classroom.pk])
    response = client.post(url, {"listed": [enrollment.pk], "present": [enrollment.pk]})
    assert response.status_code == 302
    assert not verdict_10u(volunteer, world.region).eligible  # one session is not the course

    url = reverse("training:attendance", args=[60, event.pk, field.pk])
    response = client.post(url, {"listed": [enrollment.pk], "present": [enrollment.pk]}, follow=True)
    assert "1 certificate granted" in response.content.decode()
    assert "Granted" in response.content.decode()

    verdict = verdict_10u(volunteer, world.region)
    assert verdict.eligible
    course = verdict.status_of("coach_10u")
    assert course.status == "met" and course.satisfied_by == "coach_10u"
    assert course.record.source == "event"
    record = CertificationRecord.objects.get(pk=course.record.ref)
    assert record.get_source_display() == "In-person training event"
    assert record.source_ref == f"training.enrollment:{enrollment.pk}"
    assert record.completed_on == field.date
    assert record.verified_by == world.instructor.user and record.status == "verified"


def test_unmarking_a_session_withdraws_the_grant_without_deleting_it(world):
    event = past_course(world)
    enrollment = enrol(event, world.coach, as_of=days(-6))
    classroom, field = event.sessions.all()
    mark_attendance(classroom, {enrollment.pk: True}, user=world.instructor.user)
    result = mark_attendance(field, {enrollment.pk: True}, user=world.instructor.user)
    record = result.granted[0]

    result = mark_attendance(field, {enrollment.pk: False}, user=world.rca.user)

    record.refresh_from_db()
    assert result.withdrawn == [record]
    assert record.status == "rejected" and "corrected" in record.rejection_reason
    assert AuditEntry.objects.filter(action="training.grant.withdrawn", object_id=str(record.pk)).exists()
    assert AuditEntry.objects.filter(action="training.attendance.corrected").count() == 1
    assert Attendance.objects.get(enrollment=enrollment, session=field).present is False

    # Marked present again: a fresh record; the rejected one stays on file.
    result = mark_attendance(field, {enrollment.pk: True}, user=world.instructor.user)
    assert len(result.granted) == 1
    assert CertificationRecord.objects.filter(person=world.coach, requirement="coach_10u").count() == 2


def test_marking_the_same_sheet_twice_writes_nothing_new(world):
    event = past_course(world)
    enrollment = enrol(event, world.coach, as_of=days(-6))
    for session in event.sessions.all():
        mark_attendance(session, {enrollment.pk: True}, user=world.instructor.user)
    entries = AuditEntry.objects.count()
    result = mark_attendance(event.sessions.last(), {enrollment.pk: True}, user=world.instructor.user)
    assert result.changed == 0 and result.granted == []
    assert AuditEntry.objects.count() == entries
    assert CertificationRecord.objects.filter(person=world.coach).count() == 1


def test_a_clinic_grants_nothing(world):
    event = make_event(world.region, course="", title="Clinic", session_days=(-1,), enrol_by=days(-2))
    enrollment = enrol(event, world.coach, as_of=days(-3))
    result = mark_attendance(event.sessions.get(), {enrollment.pk: True}, user=world.instructor.user)
    assert result.changed == 1 and result.granted == []
    assert not CertificationRecord.objects.exists()


@pytest.mark.parametrize("persona", ["other_instructor", "other_rca", "coach"])
def test_outsiders_cannot_mark_attendance_here(world, persona):
    event = past_course(world)
    enrollment = enrol(event, world.referee, as_of=days(-6))
    with pytest.raises(PermissionDenied):
        mark_attendance(event.sessions.first(), {enrollment.pk: True}, user=getattr(world, persona).user)
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("persona", ["other_instructor", "other_rca", "coach"])
def test_outsiders_cannot_post_an_attendance_sheet(world, login, persona):
    event = past_course(world)
    enrollment = enrol(event, world.referee, as_of=days(-6))
    session = event.sessions.first()
    client = login(getattr(world, persona))
    url = reverse("training:attendance", args=[60, event.pk, session.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"listed": [enrollment.pk], "present": [enrollment.pk]}).status_code == 403
    assert not Attendance.objects.exists()


def test_a_session_still_to_come_cannot_be_marked(world):
    event = make_event(world.region, session_days=(3, 5))
    enrollment = enrol(event, world.coach)
    with pytest.raises(Refused) as refusal:
        mark_attendance(event.sessions.first(), {enrollment.pk: True}, user=world.instructor.user)
    assert refusal.value.code == "future"
    assert not Attendance.objects.exists()


def test_only_enrolled_people_can_be_marked(world, login):
    event = past_course(world)
    enrol(event, world.coach, as_of=days(-6))
    stranger = make_person(world.region, "Stranger")
    session = event.sessions.first()
    client = login(world.instructor)
    url = reverse("training:attendance", args=[60, event.pk, session.pk])
    for bad in ({"listed": ["abc"]}, {"listed": [stranger.pk + 1000], "present": [stranger.pk + 1000]}):
        response = client.post(url, bad, follow=True)
        assert response.status_code == 200
        assert "please mark it again" in response.content.decode()
    assert not Attendance.objects.exists()


def test_attendance_page_queries_do_not_grow_with_the_class(world, login, django_assert_max_num_queries):
    event = past_course(world, capacity=60)
    enrol(event, make_person(world.region, "First", user=False), as_of=days(-6))
    session = event.sessions.first()
    client = login(world.instructor)
    url = reverse("training:attendance", args=[60, event.pk, session.pk])
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for i in range(30):
        enrol(event, make_person(world.region, f"P{i}", user=False), as_of=days(-6))
    with django_assert_max_num_queries(len(few)):
        assert client.get(url).status_code == 200


def test_marking_records_who_and_when(world):
    event = past_course(world)
    enrollment = enrol(event, world.coach, as_of=days(-6))
    mark_attendance(event.sessions.first(), {enrollment.pk: True}, user=world.instructor.user)
    row = Attendance.objects.get()
    assert row.marked_by == world.instructor.user and row.marked_at is not None
    assert (row.marked_at.date() - days(0)) <= timedelta(days=1)
