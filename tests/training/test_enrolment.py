"""Enrolment: seats, the waiting list in order, prerequisites, deadlines, and
no double enrolment — not even from two requests at once."""

from __future__ import annotations

import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction

from coachready.org.models import AuditEntry
from coachready.training.models import Enrollment
from coachready.training.services import Refused
from coachready.training.services import enrolment as enrolment_services
from coachready.training.services.enrolment import cancel_enrollment, enrol
from tests.factories import give_record, make_person
from tests.training.builders import days, make_event, seat

# Racing threads wait for each other at most this long: a deadlock fails the
# test instead of hanging the run.
THREAD_WAIT_SECONDS = 30

pytestmark = pytest.mark.django_db


def test_capacity_two_with_three_enrolments_puts_the_third_on_the_waiting_list(world):
    event = make_event(world.region, capacity=2)
    first, second, third = (make_person(world.region, name) for name in ("Ana", "Ben", "Cai"))
    assert enrol(event, first).status == Enrollment.Status.ENROLLED
    assert enrol(event, second).status == Enrollment.Status.ENROLLED
    waiting = enrol(event, third)
    assert (waiting.status, waiting.position) == (Enrollment.Status.WAITLISTED, 1)
    assert [m.to for m in mail.outbox] == [[first.email], [second.email], [third.email]]
    assert "waiting list" in mail.outbox[2].subject.lower()

    mail.outbox.clear()
    cancel_enrollment(Enrollment.objects.get(person=first), user=first.user)

    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.ENROLLED and waiting.promoted_at is not None
    assert [m.to for m in mail.outbox] == [[first.email], [third.email]]
    assert "cancelled" in mail.outbox[0].subject.lower()
    assert "seat opened up" in mail.outbox[1].subject
    name, content, mimetype = mail.outbox[1].attachments[0]
    body = content if isinstance(content, bytes) else content.encode()
    assert mimetype == "text/calendar" and b"BEGIN:VCALENDAR" in body
    assert AuditEntry.objects.filter(action="training.enrollment.promoted").count() == 1


def test_the_waiting_list_is_served_in_the_order_people_joined(world):
    event = make_event(world.region, capacity=1)
    holder = make_person(world.region, "Holder")
    enrol(event, holder)
    queue = [make_person(world.region, f"Wait{i}") for i in range(3)]
    for person in queue:
        enrol(event, person)
    assert list(event.enrollments.filter(status="waitlisted").order_by("position").values_list("person", flat=True)) \
        == [p.pk for p in queue]
    cancel_enrollment(Enrollment.objects.get(person=holder))
    assert Enrollment.objects.get(event=event, status="enrolled").person == queue[0]


def test_the_confirmation_carries_the_sessions_as_a_calendar_file(world):
    event = make_event(world.region)
    enrol(event, world.coach)
    message = mail.outbox[0]
    assert message.subject == "You are enrolled: 10U Coach course"
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    body = content if isinstance(content, str) else content.decode()
    assert body.count("BEGIN:VEVENT") == 2 and "session-" in body


@pytest.mark.parametrize(
    ("course", "held", "refused_with"),
    [
        ("coach_intermediate", [], "Before the Intermediate Coach course, complete 12U Coach."),
        ("coach_intermediate", ["coach_12u"], None),
        ("coach_advanced", [], "complete 12U Coach, then Intermediate Coach"),
        ("coach_advanced", ["coach_12u", "coach_intermediate"], None),
        ("coach_advanced", ["coach_12u", "coach_national"], None),
        ("coach_10u", [], None),
        ("safe_haven", [], None),
    ],
)
def test_prerequisites_come_from_the_policy(world, course, held, refused_with):
    event = make_event(world.region, course=course, title=f"{course} course")
    for code in held:
        give_record(world.coach, code, days(-400))
    if refused_with is None:
        assert enrol(event, world.coach).status == Enrollment.Status.ENROLLED
    else:
        with pytest.raises(Refused) as refusal:
            enrol(event, world.coach)
        assert refusal.value.code == "prerequisites"
        assert refused_with in refusal.value.message
        assert not Enrollment.objects.exists() and not AuditEntry.objects.exists()


def test_an_unverified_prerequisite_does_not_count(world):
    event = make_event(world.region, course="coach_intermediate")
    give_record(world.coach, "coach_12u", days(-30), status="pending")
    with pytest.raises(Refused, match="12U Coach"):
        enrol(event, world.coach)


def test_a_second_enrolment_of_the_same_person_is_refused(world):
    event = make_event(world.region)
    enrol(event, world.coach)
    with pytest.raises(Refused) as refusal:
        enrol(event, world.coach)
    assert refusal.value.code == "already"
    assert Enrollment.objects.filter(event=event).count() == 1


def test_the_database_refuses_a_second_live_enrolment(world):
    event = make_event(world.region)
    seat(event, world.coach)
    with pytest.raises(IntegrityError), transaction.atomic():
        seat(event, world.coach, status=Enrollment.Status.WAITLISTED, position=1)


def test_a_cancelled_enrolment_does_not_block_enrolling_again(world):
    event = make_event(world.region)
    first = enrol(event, world.coach)
    cancel_enrollment(first)
    again = enrol(event, world.coach)
    assert again.pk != first.pk and again.status == Enrollment.Status.ENROLLED


def test_a_request_that_slips_past_the_check_still_cannot_duplicate(world, monkeypatch):
    """The race: two requests both see "not enrolled yet". The second insert
    hits the constraint and is refused cleanly, with nothing half-written."""
    event = make_event(world.region)
    seat(event, world.coach)
    monkeypatch.setattr(enrolment_services, "live_enrollment", lambda event, person: None)
    with pytest.raises(Refused) as refusal:
        enrol(event, world.coach)
    assert refusal.value.code == "already"
    assert Enrollment.objects.filter(event=event).count() == 1
    assert not AuditEntry.objects.filter(action="training.enrollment.created").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("status", "enrol_by", "code"),
    [("draft", 5, "closed"), ("cancelled", 5, "closed"), ("completed", 5, "closed"), ("published", -1, "deadline")],
)
def test_closed_events_take_no_enrolment(world, status, enrol_by, code):
    event = make_event(world.region, status=status, enrol_by=days(enrol_by))
    with pytest.raises(Refused) as refusal:
        enrol(event, world.coach)
    assert refusal.value.code == code
    assert not Enrollment.objects.exists()


def test_a_volunteer_cannot_cancel_after_the_deadline_but_the_region_can(world):
    event = make_event(world.region, session_days=(3,), enrol_by=days(1))
    enrollment = enrol(event, world.coach)
    with pytest.raises(Refused) as refusal:
        cancel_enrollment(enrollment, as_of=days(2))
    assert refusal.value.code == "deadline"
    cancel_enrollment(enrollment, as_of=days(2), by_manager=True, user=world.rca.user)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.CANCELLED


def test_volunteers_of_another_region_may_enrol(world):
    event = make_event(world.region)
    assert enrol(event, world.other_rca).status == Enrollment.Status.ENROLLED


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises writes")
def test_two_simultaneous_enrolments_of_one_person_make_one(world):
    event = make_event(world.region, capacity=5)
    barrier = threading.Barrier(2, timeout=THREAD_WAIT_SECONDS)
    outcomes: list[str] = []

    def attempt():
        try:
            barrier.wait()
            enrol(event, world.coach)
            outcomes.append("enrolled")
        except Refused as refusal:
            outcomes.append(refusal.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=THREAD_WAIT_SECONDS)
    assert not any(t.is_alive() for t in threads), "an enrolment is stuck (a deadlock?)"
    assert sorted(outcomes) == ["already", "enrolled"]
    assert Enrollment.objects.filter(event=event, person=world.coach).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises writes")
def test_simultaneous_enrolments_never_overfill_an_event(world):
    event = make_event(world.region, capacity=2)
    people = [make_person(world.region, f"Racer{i}") for i in range(4)]
    barrier = threading.Barrier(len(people), timeout=THREAD_WAIT_SECONDS)

    def attempt(person):
        try:
            barrier.wait()
            enrol(event, person)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=THREAD_WAIT_SECONDS)
    assert not any(t.is_alive() for t in threads), "an enrolment is stuck (a deadlock?)"
    assert event.enrollments.filter(status="enrolled").count() == 2
    assert sorted(event.enrollments.filter(status="waitlisted").values_list("position", flat=True)) == [1, 2]


def _ics(message) -> bytes:
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    return content if isinstance(content, bytes) else content.encode()


def _sequences(body: bytes) -> set[int]:
    return {int(line.split(b":")[1]) for line in body.splitlines() if line.startswith(b"SEQUENCE:")}


def test_cancelling_sends_a_calendar_cancel_that_outranks_the_enrolment(world):
    event = make_event(world.region, capacity=5)
    coach = make_person(world.region, "Ana", "Núñez")
    enrollment = enrol(event, coach)
    enrolled_sequences = _sequences(_ics(mail.outbox[0]))
    mail.outbox.clear()

    cancel_enrollment(enrollment, user=coach.user)

    assert len(mail.outbox) == 1 and mail.outbox[0].to == [coach.email]
    body = _ics(mail.outbox[0])
    assert b"METHOD:CANCEL" in body and b"STATUS:CANCELLED" in body
    assert min(_sequences(body)) > max(enrolled_sequences)


def test_enrolling_again_outranks_the_cancellation_in_the_personal_feed(world):
    from coachready.training.calendar import person_feed

    event = make_event(world.region, capacity=5)
    coach = make_person(world.region, "Ana", "Núñez")
    cancel_enrollment(enrol(event, coach), user=coach.user)
    cancelled_sequences = _sequences(_ics(mail.outbox[-1]))

    again = enrol(event, coach)

    feed = person_feed(coach, Enrollment.objects.filter(person=coach).select_related("event"))
    assert b"STATUS:CONFIRMED" in feed and b"STATUS:CANCELLED" not in feed
    assert min(_sequences(feed)) > max(cancelled_sequences)
    assert again.sequence > 0
