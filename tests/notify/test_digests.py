"""The weekly digest for the region's RC and RCA, and volunteers' weekly summaries."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from coachready.core.hooks import DigestSection
from coachready.core.mail import send_templated
from coachready.notify.models import DigestRun, NotificationPreference, OutboundEmail
from coachready.notify.services import digest as digest_service
from tests.factories import make_person

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 9, 7)


@pytest.fixture
def sections(monkeypatch):
    """Whatever the apps report, as two fixed sections per region."""

    def fake(region, as_of):
        return [
            DigestSection("Certificates waiting for verification", ["3 uploads to approve or reject."],
                          "http://testserver/region/60/verify/", order=20),
            DigestSection("Teams whose coaches are not ready", [f"10U Comets ({region.number})"], order=23),
        ]

    monkeypatch.setattr(digest_service, "digest_sections", fake)


def run(*args):
    out = StringIO()
    call_command("send-digests", *args, stdout=out)
    return out.getvalue()


def test_digest_goes_to_the_rc_and_rca_once_a_week(world, sections):
    out = run("--as-of", MONDAY.isoformat(), "--region", "60")
    assert "Region 60: digest queued for" in out
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.rca.email, world.rc.email])
    message = mail.outbox[0]
    assert message.subject == "Region 60 weekly digest, week 37 of 2026"
    assert "3 uploads to approve or reject." in message.body and "Certificates waiting" in message.alternatives[0][0]
    assert "/region/60/digest/" in message.body and "Your checklist" in message.body
    from coachready.org.models import AuditEntry

    assert AuditEntry.objects.filter(action="notify.digest.sent", region=world.region).count() == 1
    run("--as-of", "2026-09-09", "--region", "60")  # Wednesday of the same ISO week
    assert len(mail.outbox) == 2
    run("--as-of", "2026-09-14", "--region", "60")  # the next week
    assert len(mail.outbox) == 4


def test_dry_run_writes_nothing(world, sections):
    out = run("--as-of", MONDAY.isoformat(), "--dry-run")
    assert "Region 60: would send the digest to" in out and "Region 61" in out
    assert not DigestRun.objects.exists() and not OutboundEmail.objects.exists() and mail.outbox == []


def test_an_rca_who_wants_no_optional_mail_gets_no_digest(world, sections):
    NotificationPreference.objects.create(person=world.rca, frequency="none")
    run("--as-of", MONDAY.isoformat(), "--region", "60")
    assert [m.to[0] for m in mail.outbox] == [world.rc.email]
    assert OutboundEmail.objects.filter(status="suppressed", person=world.rca).exists()


def test_nothing_to_report_sends_nothing(world, monkeypatch):
    monkeypatch.setattr(digest_service, "digest_sections", lambda region, as_of: [])
    out = run("--as-of", MONDAY.isoformat(), "--region", "60")
    assert "nothing to report" in out and mail.outbox == []


def test_the_digest_page_shows_the_same_sections(world, login, sections):
    body = login(world.rca).get(f"/region/60/digest/?as_of={MONDAY}").content.decode()
    assert "Region 60 weekly digest, week 37 of 2026" in body
    assert "3 uploads to approve or reject." in body and "Rita Administrator" in body


def test_the_apps_sections_reach_the_page(world, login):
    # No fakes: whatever the installed apps report renders without error.
    assert login(world.rc).get("/region/60/digest/").status_code == 200


def test_held_optional_mail_goes_out_as_one_weekly_summary(world, sections):
    person = make_person(world.region, "Weekly", "Reader")
    NotificationPreference.objects.create(person=person, frequency="weekly")
    for subject in ("Clinic on Saturday", "New 10U course dates"):
        send_templated([person.email], subject, "email/notify/notice", {"body": subject + " body"},
                       region=world.region, kind="optional", person=person)
    assert mail.outbox == []
    run("--as-of", MONDAY.isoformat(), "--region", "61")  # the mail is Region 60's
    assert [m for m in mail.outbox if m.to == [person.email]] == []
    run("--as-of", MONDAY.isoformat(), "--region", "60")
    mine = [m for m in mail.outbox if m.to == [person.email]]
    assert [m.subject for m in mine] == ["Your weekly summary: 2 messages"]
    assert "Clinic on Saturday body" in mine[0].body
    assert set(OutboundEmail.objects.filter(person=person).values_list("status", flat=True)) == {"bundled", "sent"}
    run("--as-of", MONDAY.isoformat())
    assert sum(1 for m in mail.outbox if m.to == [person.email]) == 1


@pytest.mark.parametrize("args", [["--as-of", "yesterday"], ["--region", "0"]])
def test_bad_arguments_exit_2(world, args):
    err = StringIO()
    with pytest.raises(SystemExit) as info:
        call_command("send-digests", *args, stderr=err)
    assert info.value.code == 2 and err.getvalue().startswith("error: ")
    assert not DigestRun.objects.exists()
