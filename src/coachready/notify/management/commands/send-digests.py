"""`coachready send-digests [--as-of DATE] [--region N] [--dry-run]`, weekly.

Queues each region's weekly digest to its Regional Commissioner and Regional
Coach Administrator, and each volunteer's weekly summary of held optional
mail. Idempotent per region (and per volunteer) per ISO week.
"""

from django.core.management.base import BaseCommand

from coachready.notify.management.commands._args import BadArgument, fail, parse_as_of, parse_region
from coachready.notify.services.digest import send_digests

WORDS = {
    "sent": "digest queued for",
    "would_send": "would send the digest to",
    "already_sent": "this week's digest was already sent to",
    "nothing_to_report": "nothing to report this week for",
    "no_recipients": "no Regional Commissioner or Coach Administrator with an email address",
}


class Command(BaseCommand):
    help = "Send each region's weekly digest to its RC and RCA (once per ISO week)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", dest="as_of", help="The day to run for, YYYY-MM-DD (default: today).")
        parser.add_argument("--region", help="Only this region number.")
        parser.add_argument("--dry-run", action="store_true", help="Print what would be sent; write nothing.")

    def handle(self, *args, as_of=None, region=None, dry_run=False, **options):
        try:
            day = parse_as_of(as_of)
            only = parse_region(region)
        except BadArgument as exc:
            fail(self, str(exc))
        outcomes, summaries = send_digests(day, only, dry_run=dry_run)
        for outcome in outcomes:
            who = ", ".join(outcome.recipients)
            sections = f" ({outcome.sections} sections)" if outcome.sections else ""
            self.stdout.write(f"Region {outcome.region.number}: {WORDS[outcome.status]} {who}{sections}".rstrip())
        verb = "would queue" if dry_run else "queued"
        self.stdout.write(f"Weekly summaries for volunteers: {verb} {summaries}.")
