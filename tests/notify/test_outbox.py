"""The outbox: stored first, sent by a task, retried with back-off."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone

from coachready.core.mail import send_templated
from coachready.notify.models import NotificationPreference, OutboundEmail
from coachready.notify.models.outbox import MAX_ATTEMPTS, backoff
from coachready.notify.outbox import retry_now, send_due
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("SMTP server at mail.example.org:587 refused the connection")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    return monkeypatch


def queue(world, **kw):
    send_templated(["casey@example.org"], "Hello", "email/notify/notice", {"body": "hi"}, region=world.region, **kw)


def test_send_templated_stores_a_row_and_sends_it_at_once(world):
    send_templated(
        ["casey@example.org"], "Welcome", "email/notify/notice", {"body": "Welcome aboard"}, region=world.region,
        attachments=[("note.txt", b"\x00\xffbytes", "text/plain")],
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Welcome aboard" in message.body and "Welcome aboard" in message.alternatives[0][0]
    assert message.attachments[0][1] == b"\x00\xffbytes"
    email = OutboundEmail.objects.get()
    assert (email.status, email.attempts, email.region) == ("sent", 1, world.region)


def test_no_recipient_no_row(world):
    send_templated([], "Nobody", "email/notify/notice", {}, region=world.region)
    assert not OutboundEmail.objects.exists()


def test_a_failed_send_is_kept_and_retried_with_back_off(world, smtp_down):
    queue(world)
    email = OutboundEmail.objects.get()
    assert email.status == "failed" and email.attempts == 1
    assert "refused the connection" in email.last_error
    assert email.next_attempt_at > timezone.now()
    # Not due yet: nothing is tried again.
    assert send_due().failed == 0
    smtp_down.undo()
    out = StringIO()
    later = timezone.now() + timedelta(minutes=2)
    assert send_due(now=later).sent == 1
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 2, "")
    call_command("send-queued-mail", stdout=out)
    assert "Sent 0 emails" in out.getvalue()


@pytest.mark.parametrize(("attempts", "minutes"), [(1, 1), (2, 5), (3, 30), (4, 120), (9, 120)])
def test_back_off_table(attempts, minutes):
    assert backoff(attempts) == timedelta(minutes=minutes)


def test_after_many_failures_it_waits_for_an_administrator(world, smtp_down):
    queue(world)
    email = OutboundEmail.objects.get()
    OutboundEmail.objects.filter(pk=email.pk).update(attempts=MAX_ATTEMPTS - 1, next_attempt_at=timezone.now())
    send_due()
    email.refresh_from_db()
    assert email.status == "gave_up" and email.next_attempt_at is None
    smtp_down.undo()
    retry_now(email, user=world.rca.user)
    assert send_due().sent == 1
    assert len(mail.outbox) == 1


def test_a_row_claimed_by_another_sender_is_left_alone(world, smtp_down):
    queue(world)
    smtp_down.undo()
    import uuid

    later = timezone.now() + timedelta(minutes=2)
    OutboundEmail.objects.update(claimed_by=uuid.uuid4(), claimed_until=later + timedelta(minutes=5))
    assert send_due(now=later).sent == 0
    assert send_due(now=later + timedelta(minutes=6)).sent == 1


@pytest.mark.parametrize(
    ("frequency", "status", "sent"),
    [(None, "sent", 1), ("immediate", "sent", 1), ("weekly", "held", 0), ("none", "suppressed", 0)],
)
def test_optional_mail_follows_the_volunteers_choice(world, frequency, status, sent):
    person = make_person(world.region, "Opt", "Choice")
    if frequency:
        NotificationPreference.objects.create(person=person, frequency=frequency)
    send_templated([person.email], "News", "email/notify/notice", {"body": "x"}, region=world.region, kind="optional")
    assert OutboundEmail.objects.get().status == status
    assert len(mail.outbox) == sent


def test_mandatory_mail_ignores_the_choice(world):
    person = make_person(world.region, "Opt", "Out")
    NotificationPreference.objects.create(person=person, frequency="none")
    send_templated([person.email], "Lapse", "email/notify/notice", {"body": "x"}, region=world.region)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("limit", ["many", "0"])
def test_send_queued_mail_bad_limit(limit):
    err = StringIO()
    with pytest.raises(SystemExit) as info:
        call_command("send-queued-mail", "--limit", limit, stderr=err)
    assert info.value.code == 2 and "--limit" in err.getvalue()
