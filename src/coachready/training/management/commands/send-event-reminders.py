"""Email the people enrolled in a session two days ahead.

Idempotent: every reminder sent is recorded under a unique key, so running
the command again (or twice at once) sends nothing twice. Cron line:

    15 7 * * *  cd /srv/coachready && .venv/bin/coachready send-event-reminders
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from coachready.training.services.reminders import due_reminders, send_reminder


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of must be a date as YYYY-MM-DD, not {text!r}", returncode=2) from None


class Command(BaseCommand):
    help = "Send the reminders for training sessions two days ahead (safe to run more than once)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="Pretend today is this date (YYYY-MM-DD).")
        parser.add_argument("--dry-run", action="store_true", help="List who would be reminded; send nothing.")

    def handle(self, *args, as_of=None, dry_run=False, **options):
        day = _day(as_of) if as_of else timezone.localdate()
        due = due_reminders(day)
        sent = 0
        for item in due:
            line = (f"{item.session.date:%Y-%m-%d} {item.enrollment.event.title}: "
                    f"{item.enrollment.person.display_name} <{item.enrollment.person.email}>")
            if dry_run:
                self.stdout.write(f"would remind {line}")
            elif send_reminder(item):
                sent += 1
                self.stdout.write(f"reminded {line}")
        if dry_run:
            self.stdout.write(f"{len(due)} reminder{'s' if len(due) != 1 else ''} due; none sent (dry run).")
        else:
            self.stdout.write(f"{sent} reminder{'s' if sent != 1 else ''} sent.")
