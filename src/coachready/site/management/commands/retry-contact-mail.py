"""`coachready retry-contact-mail [--force]`: send the emails still owed for
website messages and volunteer interest whose next attempt is due.
Idempotent: each email is sent once; run it every few minutes from cron."""

from django.core.management.base import BaseCommand

from coachready.site.services.delivery import retry_due


class Command(BaseCommand):
    help = "Retry the emails of inbox items that could not be sent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Ignore the back-off and the attempt limit: try every item now."
        )

    def handle(self, *args, force: bool, **options):
        delivered, failing = retry_due(force=force)
        self.stdout.write(f"{delivered} delivered, {failing} still failing")
        if failing:
            raise SystemExit(1)
