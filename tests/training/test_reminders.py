"""`coachready send-event-reminders`: two days ahead, once per person and session."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from coachready.training.models import Reminder
from coachready.training.services.enrolment import enrol
from tests.factories import make_person
from tests.training.builders import days, make_event

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("send-event-reminders", *args, stdout=out)
    return out.getvalue()


def test_reminders_go_out_once_two_days_ahead(world):
    event = make_event(world.region, session_days=(2, 4), enrol_by=days(1))
    waiting = make_event(world.region, title="Full class", capacity=1, session_days=(2,), enrol_by=days(1))
    enrol(event, world.coach)
    enrol(waiting, world.referee)
    enrol(waiting, make_person(world.region, "Late"))  # waiting list: no reminder
    mail.outbox.clear()

    output = run()
    assert "2 reminders sent." in output
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.coach.email, world.referee.email])
    assert mail.outbox[0].subject.startswith("Reminder: ")

    mail.outbox.clear()
    assert "0 reminders sent." in run()
    assert mail.outbox == [] and Reminder.objects.count() == 2


def test_as_of_picks_the_day_and_dry_run_sends_nothing(world):
    event = make_event(world.region, session_days=(10, 12), enrol_by=days(8))
    enrol(event, world.coach)
    mail.outbox.clear()
    output = run("--as-of", days(8).isoformat(), "--dry-run")
    assert "would remind" in output and "none sent (dry run)" in output
    assert mail.outbox == [] and not Reminder.objects.exists()
    assert "1 reminder sent." in run("--as-of", days(10).isoformat())  # the field morning, two days on


@pytest.mark.parametrize("bad", ["tomorrow", "2026-13-01", "2026-02-30"])
def test_a_bad_date_is_refused_with_exit_status_2(world, bad):
    with pytest.raises(CommandError) as error:
        run("--as-of", bad)
    assert error.value.returncode == 2 and "--as-of" in str(error.value)
