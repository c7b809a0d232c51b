"""`coachready apply-retention`: delete contact and volunteer-interest
messages older than their region keeps them, and clear the client addresses
stored with them after 30 days. Idempotent; run it daily from cron."""

from django.core.management.base import BaseCommand

from coachready.site.services.retention import apply_retention


class Command(BaseCommand):
    help = "Delete expired contact and interest messages and clear old client addresses."

    def handle(self, *args, **options):
        counts = apply_retention()
        self.stdout.write(
            f"{counts['contact_messages']} contact messages and {counts['interest_notes']} interest notes deleted, "
            f"{counts['client_addresses']} client addresses cleared"
        )
