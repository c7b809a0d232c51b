"""The contact form: stored first, emailed, rate-limited, bots refused."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from coachready.notify.models import OutboundEmail
from coachready.org.models import AuditEntry, Role, RoleAssignment
from coachready.site.models import ContactMessage

GOOD = {"name": "Pat Parent", "email": "pat@example.net", "topic": "coaching",
        "message": "How do I sign up for the 10U coach course?", "website": ""}


def post(client, **changes):
    return client.post("/contact/", {**GOOD, **changes})


def test_a_message_is_stored_emailed_and_acknowledged(client, world, site60):
    response = post(client)
    assert response.status_code == 302 and response["Location"] == "/contact/"
    item = ContactMessage.objects.get()
    assert (item.region, item.email, item.topic) == (world.region, "pat@example.net", "coaching")
    assert item.delivered
    notice, ack = mail.outbox
    assert notice.to == ["coaches@region60.example.org"] and notice.reply_to == ["pat@example.net"]
    assert "10U coach course" in notice.body and notice.alternatives[0][1] == "text/html"
    assert ack.to == ["pat@example.net"] and "Thank you for writing" in ack.body
    assert AuditEntry.objects.filter(action="site.contact.received", region=world.region).count() == 1
    assert "reached the region" in client.get("/contact/").content.decode()


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"email": "not-an-address"}, "email", "valid email"),
    ({"name": ""}, "name", "required"),
    ({"message": "hi"}, "message", "at least 10"),
    ({"topic": "lottery"}, "topic", "Select a valid choice"),
    ({"message": "x" * 5001}, "message", "at most 5000"),
])
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_stored(client, site60, changes, field, words):
    response = post(client, **changes)
    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors[field])
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_the_honeypot_refuses_bots(client, site60):
    response = post(client, website="http://spam.example")
    assert response.status_code == 200
    assert "could not be accepted" in response.content.decode()
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_a_second_burst_from_the_same_address_is_rate_limited(client, site60):
    for n in range(3):
        assert post(client, message=f"Question number {n} about coaching").status_code == 302
    response = post(client, message="And one more question, please")
    assert response.status_code == 200
    assert "Please wait 10 minutes" in response.content.decode()
    assert ContactMessage.objects.count() == 3
    # Changing the email does not help from the same network address.
    assert post(client, email="other@example.net").status_code == 200
    assert ContactMessage.objects.count() == 3


def test_other_senders_are_not_limited_by_someone_elses_burst(client, site60):
    ContactMessage.objects.bulk_create(
        ContactMessage(region=site60.region, name="x", email="burst@example.net", message="m" * 20,
                       ip_address="10.9.9.9") for _ in range(3)
    )
    assert post(client).status_code == 302


def test_a_failed_send_keeps_the_message_and_the_outbox_retries_it(client, site60, settings, capsys):
    settings.EMAIL_BACKEND = "tests.site.failing_mail.Backend"
    assert post(client).status_code == 302
    item = ContactMessage.objects.select_related("notice_email", "ack_email").get()
    for email in (item.notice_email, item.ack_email):
        assert (email.status, email.attempts) == ("failed", 1) and "refused" in email.last_error
    assert not item.delivered

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send-queued-mail")  # not due yet: the back-off holds them
    assert "Sent 0 emails" in capsys.readouterr().out and not mail.outbox
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    call_command("send-queued-mail")
    assert "Sent 2 emails" in capsys.readouterr().out
    item = ContactMessage.objects.get()
    assert item.delivered and len(mail.outbox) == 2
    call_command("send-queued-mail")  # idempotent: nothing owed, nothing sent
    assert len(mail.outbox) == 2


def test_a_region_with_no_one_to_notify_still_keeps_the_message_and_acknowledges(client, site60):
    type(site60.region).objects.filter(pk=site60.region.pk).update(email="")
    RoleAssignment.objects.filter(role=Role.REGIONAL_COACH_ADMINISTRATOR).delete()
    assert post(client).status_code == 302
    item = ContactMessage.objects.get()
    assert item.notice_email is None and item.ack_email.status == "sent"
    assert [m.to for m in mail.outbox] == [["pat@example.net"]]


def test_a_message_is_kept_even_when_its_emails_cannot_be_written(client, site60, monkeypatch):
    def broken(item):
        raise RuntimeError("template missing")

    monkeypatch.setattr("coachready.site.services.inbox.queue_emails", broken)
    assert post(client).status_code == 302
    item = ContactMessage.objects.get()
    assert item.notice_email is None and not mail.outbox
    assert AuditEntry.objects.filter(action="site.contact.received").count() == 1
