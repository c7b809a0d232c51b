"""Renewal reminders: who gets one, once, and what it says."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coachready.notify.models import NotificationPreference, OutboundEmail, SentReminder
from coachready.notify.services.reminders import _claim_and_queue, find_due, send_reminders
from coachready.org.models import Region, Role
from coachready.teams.models import CoachAssignment, Season, Team
from tests.factories import make_person
from tests.notify.conftest import SIXTY_DAYS_BEFORE, records_with_check

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("send-reminders", *args, stdout=out)
    return out.getvalue()


def test_dry_run_lists_the_coach_and_writes_nothing(world, make_coach):
    lapsing = make_coach(world.region, "Lapsing")
    make_coach(world.region, "Renewed", done=date(2026, 7, 1))
    out = run("--as-of", "2026-08-16", "--dry-run")
    assert "Lapsing Coach" in out and "Background Check" in out.title()
    assert "lapses on 2026-10-15 (60-day reminder)" in out
    assert "Renewed Coach" not in out
    assert "1 people would get 1 reminders" in out
    assert not SentReminder.objects.exists() and not OutboundEmail.objects.exists()
    assert mail.outbox == []
    assert lapsing.email in out


def test_a_run_sends_one_email_and_a_second_run_sends_none(world, make_coach):
    coach = make_coach(world.region)
    run("--as-of", "2026-08-16")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coach.email]
    assert "lapses on October 15" in message.subject
    assert "October 15, 2026" in message.body and "/my/" in message.body
    assert "Region 60" in message.body and "coaches@region60.example.org" in message.body
    html = message.alternatives[0][0]
    assert "Open your checklist" in html
    assert message.reply_to == ["coaches@region60.example.org"]
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.SENT and email.region == world.region
    assert SentReminder.objects.get().email == email
    from coachready.org.models import AuditEntry

    assert AuditEntry.objects.get(action="notify.reminders.sent").data["emails"] == 1

    run("--as-of", "2026-08-16")
    run("--as-of", "2026-08-17")  # next day: the same point, already sent
    assert len(mail.outbox) == 1


def test_everything_due_goes_in_one_email(world, make_coach):
    # SafeSport done 2023-10-15 counts 3 years, through 2026-10-14.
    make_coach(world.region, safesport=date(2023, 10, 15))
    summary = send_reminders(SIXTY_DAYS_BEFORE)
    assert (summary.people, summary.reminders, summary.emails) == (1, 2, 1)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Background Check" in body.title() and "Safesport" in body.title()
    assert SentReminder.objects.count() == 2


def test_the_lapse_day_reminder_says_it_lapsed(world, make_coach):
    make_coach(world.region)
    send_reminders(date(2026, 10, 15))
    assert "lapsed today" in mail.outbox[0].subject
    assert "may not coach" in mail.outbox[0].body


def test_a_coach_of_another_region_is_left_out_with_region(world, make_coach):
    make_coach(world.other_region, "Elsewhere")
    mine = make_coach(world.region, "Here")
    send_reminders(SIXTY_DAYS_BEFORE, world.region)
    assert [m.to for m in mail.outbox] == [[mine.email]]
    send_reminders(SIXTY_DAYS_BEFORE)
    assert len(mail.outbox) == 2


def test_an_ended_role_gets_no_reminder(world, make_coach):
    coach = make_coach(world.region)
    coach.roles.update(end_on=date(2026, 7, 31))
    assert send_reminders(SIXTY_DAYS_BEFORE).emails == 0


def test_a_role_without_division_still_gets_reminders(world, make_coach):
    coach = make_coach(world.region, role=Role.ASSISTANT_COACH)
    coach.roles.update(division="")
    assert send_reminders(SIXTY_DAYS_BEFORE).emails == 1


def _pending_team_coach(world):
    season = Season.objects.create(
        region=world.region, membership_year=2026, starts_on=date(2026, 8, 1),
        first_game_on=date(2026, 9, 12), ends_on=date(2026, 12, 15),
    )
    team = Team.objects.create(season=season, division="10U", name="Comets")
    person = make_person(world.region, "Proposed", "Coach")
    from tests.factories import certify

    certify(person, records_with_check())
    CoachAssignment.objects.create(team=team, person=person, role="head_coach", status="pending")
    return person


def test_a_pending_team_assignment_gets_reminders(world):
    person = _pending_team_coach(world)
    send_reminders(SIXTY_DAYS_BEFORE)
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert OutboundEmail.objects.get().kind == "optional"
    assert "Choose how often" in mail.outbox[0].body


@pytest.mark.parametrize(("frequency", "status"), [("none", "suppressed"), ("weekly", "held")])
def test_a_pending_coach_who_opted_out_is_not_emailed(world, frequency, status):
    person = _pending_team_coach(world)
    NotificationPreference.objects.create(person=person, frequency=frequency)
    send_reminders(SIXTY_DAYS_BEFORE)
    assert mail.outbox == []
    assert OutboundEmail.objects.get().status == status


def test_an_active_coach_is_emailed_whatever_the_preference(world, make_coach):
    coach = make_coach(world.region)
    NotificationPreference.objects.create(person=coach, frequency="none")
    send_reminders(SIXTY_DAYS_BEFORE)
    assert len(mail.outbox) == 1


def test_killed_half_way_the_rerun_sends_the_rest_none_twice(world, make_coach):
    coaches = [make_coach(world.region, f"Coach{i}") for i in range(5)]

    class Killed(Exception):
        pass

    def kill_after_two(emails_so_far):
        if emails_so_far >= 2:
            raise Killed

    with pytest.raises(Killed):
        send_reminders(SIXTY_DAYS_BEFORE, batch=2, after_batch=kill_after_two)
    assert len(mail.outbox) == 2
    send_reminders(SIXTY_DAYS_BEFORE, batch=2)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(c.email for c in coaches)


def test_a_crash_inside_a_batch_leaves_nothing_claimed(world, make_coach, monkeypatch):
    make_coach(world.region)
    from coachready.notify.services import reminders

    def boom(*args, **kwargs):
        raise RuntimeError("template broke")

    monkeypatch.setattr(reminders, "_render", boom)
    with pytest.raises(RuntimeError):
        send_reminders(SIXTY_DAYS_BEFORE)
    assert not SentReminder.objects.exists() and not OutboundEmail.objects.exists()
    monkeypatch.undo()
    assert send_reminders(SIXTY_DAYS_BEFORE).emails == 1


def test_two_runs_at_once_do_not_both_send(world, make_coach):
    make_coach(world.region)
    regions = Region.objects.all()
    # Run A has found the work; run B claims and sends it first.
    found_by_a = find_due(SIXTY_DAYS_BEFORE, regions)
    assert send_reminders(SIXTY_DAYS_BEFORE).emails == 1
    assert _claim_and_queue(found_by_a, SIXTY_DAYS_BEFORE, uuid.uuid4(), {}) == 0
    assert len(mail.outbox) == 1


def test_query_count_does_not_grow_with_people(world, make_coach):
    def queries_for(n, as_of):
        for i in range(n):
            make_coach(world.region, f"Batch{as_of.day}x{i}")
            make_person(world.region, "Bystander")
        with CaptureQueriesContext(connection) as ctx:
            summary = send_reminders(as_of)
        assert summary.emails == n
        return len(ctx.captured_queries)

    # Each group's check lapses on its own day, so each run sees only its own group.
    small = queries_for(4, SIXTY_DAYS_BEFORE)
    SentReminder.objects.all().delete()
    OutboundEmail.objects.all().delete()
    from coachready.certs.models import CertificationRecord

    CertificationRecord.objects.filter(requirement="background_check").update(completed_on=date(2024, 1, 1))
    large = queries_for(12, SIXTY_DAYS_BEFORE)
    assert large == small


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2026-13-01"], "--as-of must be a date"),
        (["--region", "sixty"], "--region must be a region number"),
        (["--region", "999"], "there is no Region 999"),
    ],
)
def test_bad_arguments_exit_2_and_write_nothing(world, make_coach, args, message, capsys):
    make_coach(world.region)
    from io import StringIO

    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("send-reminders", *args, stderr=err)
    assert exit_info.value.code == 2
    assert message in err.getvalue() and err.getvalue().count("\n") <= 1
    assert not SentReminder.objects.exists()


@pytest.mark.parametrize(
    ("as_of", "subject", "said", "late"),
    [
        # On time: the 7-day point of a record lapsing on October 15.
        (date(2026, 10, 8), "lapses on October 15", "in 7 days", None),
        # A catch-up run two days after the 7-day point: the real count, and why.
        (date(2026, 10, 10), "lapses on October 15", "in 5 days", "2 days late: it was due on October 8, 2026"),
        # On the lapse day itself.
        (date(2026, 10, 15), "has lapsed today", "lapsed today (October 15, 2026)", None),
        # A catch-up run after the lapse day names the real lapse date.
        (date(2026, 10, 17), "lapsed on October 15", "lapsed on October 15, 2026", "2 days late"),
    ],
)
def test_a_reminder_names_the_real_lapse_day_and_says_when_it_is_late(world, make_coach, as_of, subject, said, late):
    make_coach(world.region)
    send_reminders(as_of)
    message = mail.outbox[0]
    assert subject in message.subject
    assert said in message.body
    assert "lapsed today" not in message.body or as_of == date(2026, 10, 15)
    if late:
        assert late in message.body
    else:
        assert "late" not in message.body


@pytest.mark.parametrize(
    ("language", "greeting", "lapse_day", "subject_day"),
    [
        ("zh-hans", "您好", "2026年10月15日", "10月15日"),
        ("zh-hant", "您好", "2026年10月15日", "10月15日"),
        ("es", "Hola", "15 de octubre de 2026", "15 de octubre"),
    ],
)
def test_a_reminder_goes_out_in_the_recipients_language(world, make_coach, language, greeting, lapse_day,
                                                         subject_day):
    coach = make_coach(world.region)
    coach.language = language
    coach.save(update_fields=["language"])
    english = make_coach(world.region, "English")
    send_reminders(SIXTY_DAYS_BEFORE)
    by_address = {m.to[0]: m for m in mail.outbox}
    message = by_address[coach.email]
    assert subject_day in message.subject and "October" not in message.subject
    assert greeting in message.body and lapse_day in message.body
    assert "October" not in message.body and "Hello" not in message.body
    html = message.alternatives[0][0]
    # (The footer belongs to every email; the reminder's own words are translated.)
    assert lapse_day in html and "to see everything you need" not in html
    # The run itself speaks English again for the next person.
    assert "October 15, 2026" in by_address[english.email].body


def test_a_reminder_dates_the_lapse_in_the_region_time_zone_in_chinese(world, make_coach):
    """Late in the evening in Los Angeles it is already the next day in UTC:
    the email speaks of the region's day (2027年1月15日), never UTC's."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    coach = make_coach(world.region, done=date(2026, 1, 15))
    coach.language = "zh-hans"
    coach.save(update_fields=["language"])
    evening = datetime(2026, 11, 16, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    from unittest import mock

    with mock.patch.object(timezone, "now", return_value=evening):
        send_reminders(timezone.localdate())
    message = mail.outbox[0]
    assert "2027年1月15日" in message.body and "1月15日" in message.subject
