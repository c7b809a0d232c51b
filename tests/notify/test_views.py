"""Persona tests for notify's pages."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from coachready.core.mail import send_templated
from coachready.notify.models import NotificationPreference, OutboundEmail
from coachready.org.models import AuditEntry, Region

pytestmark = pytest.mark.django_db

REGION_PAGES = ["/region/60/reminders/", "/region/60/digest/", "/region/60/mail/"]


@pytest.mark.parametrize("url", REGION_PAGES)
@pytest.mark.parametrize("persona", ["rca", "rc", "area_ca"])
def test_region_admins_see_the_pages(world, login, url, persona):
    assert login(getattr(world, persona)).get(url).status_code == 200


@pytest.mark.parametrize("url", REGION_PAGES)
@pytest.mark.parametrize("persona", ["other_rca", "coach", "instructor"])
def test_outsiders_are_refused(world, login, url, persona):
    assert login(getattr(world, persona)).get(url).status_code == 403


@pytest.mark.parametrize("url", [*REGION_PAGES, "/my/notifications/"])
def test_anonymous_is_sent_to_sign_in(world, client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_region_is_404(world, login):
    assert login(world.rca).get("/region/999/mail/").status_code == 404


def test_region_nav_offers_the_pages_to_admins(world, login):
    body = login(world.rca).get("/region/60/").content.decode()
    for label in ("Reminders", "Digest", "Mail"):
        assert f">{label}</a>" in body


# Reminder schedule ---------------------------------------------------------


def test_rca_overrides_the_reminder_days(world, login):
    client = login(world.rca)
    response = client.post("/region/60/reminders/", {"background_check": "90, 30,7,0", "safesport": "60, 30, 7, 0"})
    assert response.status_code == 302
    region = Region.objects.get(number=60)
    assert region.policy_overrides == {"requirements": {"background_check": {"reminder_days": [90, 30, 7, 0]}}}
    assert region.policy().reminder_days("background_check") == (90, 30, 7, 0)
    entry = AuditEntry.objects.get(action="notify.schedule.changed")
    assert entry.region == region and entry.data["background_check"] == [[60, 30, 7, 0], [90, 30, 7, 0]]
    # Back to the profile's default removes the override.
    client.post("/region/60/reminders/", {"background_check": "60,30,7,0", "safesport": "60,30,7,0"})
    region.refresh_from_db()
    assert region.policy_overrides == {}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "This field is required"),
        ("60, soon", "is not a whole number"),
        ("400", "more than 365"),
        ("-1", "is not a whole number"),
        ("30, 30", "appears twice"),
        ("2.5", "is not a whole number"),
    ],
)
def test_bad_reminder_days_are_refused_next_to_the_field(world, login, value, message):
    response = login(world.rca).post("/region/60/reminders/", {"background_check": value, "safesport": "60"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Region.objects.get(number=60).policy_overrides == {}
    assert not AuditEntry.objects.filter(action="notify.schedule.changed").exists()


def test_other_regions_admin_cannot_change_the_schedule(world, login):
    response = login(world.other_rca).post("/region/60/reminders/", {"background_check": "1", "safesport": "1"})
    assert response.status_code == 403
    assert Region.objects.get(number=60).policy_overrides == {}


# Mail page -------------------------------------------------------------------


@pytest.fixture
def failed_email(world, monkeypatch):
    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    send_templated(["casey@example.org"], "Your course on Saturday", "email/notify/notice", {"body": "x"},
                   region=world.region)
    monkeypatch.undo()
    return OutboundEmail.objects.get()


def test_failed_send_is_visible_to_the_rca_and_retried(world, login, failed_email):
    client = login(world.rca)
    body = client.get("/region/60/mail/").content.decode()
    assert "Your course on Saturday" in body and "mail server down" in body and "Failed, will retry" in body
    response = client.post(f"/region/60/mail/{failed_email.pk}/retry/")
    assert response.status_code == 302
    failed_email.refresh_from_db()
    assert failed_email.status == "sent" and len(mail.outbox) == 1
    assert AuditEntry.objects.filter(action="notify.mail.retried").exists()


def test_other_regions_admin_cannot_see_or_retry(world, login, failed_email):
    client = login(world.other_rca)
    assert client.get("/region/61/mail/").content.decode().count("Your course on Saturday") == 0
    assert client.post(f"/region/60/mail/{failed_email.pk}/retry/").status_code == 403
    assert client.post(f"/region/61/mail/{failed_email.pk}/retry/").status_code == 404


def test_retry_of_a_sent_email_is_refused_with_a_message(world, login):
    send_templated(["a@example.org"], "Hi", "email/notify/notice", {"body": "x"}, region=world.region)
    email = OutboundEmail.objects.get()
    response = login(world.rca).post(f"/region/60/mail/{email.pk}/retry/", follow=True)
    assert "Only a failed email can be retried" in response.content.decode()
    assert len(mail.outbox) == 1


def test_mail_page_with_a_bad_status_filter_shows_failures(world, login):
    assert login(world.rca).get("/region/60/mail/?status=<script>&page=zz").status_code == 200


# Digest page -----------------------------------------------------------------


def test_digest_page_with_a_bad_date_says_so(world, login):
    body = login(world.rca).get("/region/60/digest/?as_of=soon").content.decode()
    assert "That is not a date" in body


# Preferences -----------------------------------------------------------------


def test_volunteer_chooses_their_frequency(world, login):
    client = login(world.coach)
    body = client.get("/my/notifications/").content.decode()
    assert "always sent" in body.lower()
    response = client.post("/my/notifications/", {"frequency": "weekly"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(person=world.coach).frequency == "weekly"
    client.post("/my/notifications/", {"frequency": "none"})
    assert NotificationPreference.objects.get(person=world.coach).frequency == "none"
    assert AuditEntry.objects.filter(action="notify.preference.changed").count() == 2


def test_a_volunteer_only_ever_edits_their_own(world, login):
    # There is no person id in the URL: an admin posting changes only theirs.
    login(world.rca).post("/my/notifications/", {"frequency": "none", "person": world.coach.pk})
    assert NotificationPreference.objects.get().person == world.rca


@pytest.mark.parametrize("value", ["", "hourly"])
def test_bad_frequency_is_refused_next_to_the_field(world, login, value):
    response = login(world.coach).post("/my/notifications/", {"frequency": value})
    assert response.status_code == 200 and 'class="errorlist"' in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_an_account_without_volunteer_record_is_refused(db, client):
    from coachready.org.models import User

    user = User.objects.create_user(username="x", email="x@example.org", password="a-long-test-password-42")
    client.force_login(user)
    assert client.get("/my/notifications/").status_code == 403


# The reminders page: last run, what went out, send now -----------------------


def test_send_now_sends_the_regions_due_reminders_once_and_the_page_shows_them(world, login, make_coach):
    from datetime import timedelta

    from django.utils import timezone

    from coachready.notify.models import ReminderRun, SentReminder

    coach = make_coach(world.region, "Lapsing")
    # The background check's 7-day reminder is due today, whatever today is.
    lapse = timezone.localdate() + timedelta(days=7)
    coach.records.filter(requirement="background_check").update(
        completed_on=lapse - timedelta(days=300), valid_until=lapse - timedelta(days=1)
    )
    client = login(world.rca)
    mail.outbox.clear()

    response = client.post("/region/60/reminders/send/", follow=True)

    assert "1 reminder email is on its way" in response.content.decode()
    assert [m.to for m in mail.outbox] == [[coach.email]]
    run = ReminderRun.objects.get()
    assert (run.region, run.emails, run.started_by) == (world.region, 1, world.rca.user)
    assert AuditEntry.objects.filter(action="notify.reminders.sent", actor=world.rca.user).exists()
    page = response.content.decode()
    assert "The last run was on" in page and coach.display_name in page and "7 days before" in page

    again = client.post("/region/60/reminders/send/", follow=True)
    assert "No reminder is due today" in again.content.decode()
    assert len(mail.outbox) == 1 and SentReminder.objects.count() == 1


@pytest.mark.parametrize("persona", ["other_rca", "coach", "instructor"])
def test_outsiders_cannot_send_reminders(world, login, persona):
    assert login(getattr(world, persona)).post("/region/60/reminders/send/").status_code == 403
    from coachready.notify.models import ReminderRun

    assert not ReminderRun.objects.exists()


def test_send_now_is_post_only(world, login):
    assert login(world.rca).get("/region/60/reminders/send/").status_code == 405
