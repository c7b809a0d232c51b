"""`coachready send-reminders [--as-of DATE] [--region N] [--dry-run]`, daily.

Emails every coach (and every person proposed for a team) whose
certifications reach a reminder point today. Safe to run again, or twice at
once: each reminder goes out once (see coachready.notify.services.reminders).
"""

from django.core.management.base import BaseCommand

from coachready.notify.management.commands._args import BadArgument, fail, parse_as_of, parse_region
from coachready.notify.services.reminders import send_reminders


class Command(BaseCommand):
    help = "Send renewal reminders due today (or on --as-of) to coaches, one email per person."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="The day to run for, YYYY-MM-DD (default: today).")
        parser.add_argument("--region", help="Only this region number.")
        parser.add_argument("--dry-run", action="store_true", help="Print who would get what; write nothing.")

    def handle(self, *args, as_of=None, region=None, dry_run=False, **options):
        try:
            day = parse_as_of(as_of)
            only = parse_region(region)
        except BadArgument as exc:
            fail(self, str(exc))
        summary = send_reminders(day, only, dry_run=dry_run)
        for line in summary.lines:
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(
                f"Dry run for {day}: {summary.people} people would get {summary.reminders} reminders; nothing sent."
            )
        else:
            self.stdout.write(
                f"{day}: queued {summary.emails} reminder emails ({summary.reminders} reminders due, "
                f"{summary.people} people)."
            )
        if summary.without_address:
            self.stdout.write(f"{summary.without_address} people have no email address and were skipped.")
