"""`coachready send-queued-mail [--limit N]`, every few minutes.

Sends every outbox row that is due: new mail whose task never ran, and
failed mail whose back-off has passed. Idempotent and safe beside the task
worker: each row is claimed before it is sent.
"""

from django.core.management.base import BaseCommand

from coachready.notify.management.commands._args import fail
from coachready.notify.outbox import send_due


class Command(BaseCommand):
    help = "Send queued and retry failed emails whose time has come."

    def add_arguments(self, parser):
        parser.add_argument("--limit", default=None, help="Send at most this many (default: all that are due).")

    def handle(self, *args, limit=None, **options):
        if limit is not None:
            try:
                limit = int(limit)
            except ValueError:
                fail(self, f"--limit must be a whole number, not {limit!r}")
            if limit < 1:
                fail(self, "--limit must be at least 1")
        result = send_due(limit=limit)
        self.stdout.write(f"Sent {result.sent} emails; {result.failed} failed and will be retried.")
