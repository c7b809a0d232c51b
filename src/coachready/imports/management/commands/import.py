"""`coachready import FILE --region N`: the import from the command line.

Prints the same summary as the preview page. Exit status 2, with nothing
written, when the file cannot be read or any row is invalid (unless
--skip-invalid), or when an argument is wrong.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coachready.imports.columns import KINDS
from coachready.imports.parsing import MAX_FILE_BYTES, ParseError
from coachready.imports.services import import_file
from coachready.org.models import Region, User


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Import a CSV or XLSX file of volunteers or certification records into a region."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or XLSX file")
        parser.add_argument("--region", type=int, required=True, help="the region number to import into")
        parser.add_argument("--kind", choices=KINDS, help="volunteers or records (default: tell from the columns)")
        parser.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
        parser.add_argument("--skip-invalid", action="store_true", help="import the valid rows, list the others")
        parser.add_argument("--undated-on", metavar="YYYY-MM-DD",
                            help="date for rows without a completion date (default: today)")
        parser.add_argument("--user", metavar="EMAIL", help="the administrator the import is recorded under")

    def handle(self, *args, file, region, kind, dry_run, skip_invalid, undated_on, user, **options):
        path = Path(file)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise _fail(f"{file}: larger than 25 MB; split it in parts")
            data = path.read_bytes()
        except OSError as exc:
            raise _fail(f"{file}: cannot read the file ({exc.strerror or exc})") from None
        target = Region.objects.filter(number=region).first()
        if target is None:
            raise _fail(f"--region {region}: no such region")
        day = None
        if undated_on:
            try:
                day = date.fromisoformat(undated_on)
            except ValueError:
                raise _fail(f"--undated-on {undated_on!r}: not a date (YYYY-MM-DD)") from None
        account = None
        if user:
            account = User.objects.filter(email__iexact=user).first()
            if account is None:
                raise _fail(f"--user {user}: no account with this email")
        try:
            result = import_file(data, path.name, target, account, kind=kind, dry_run=dry_run,
                                 skip_invalid=skip_invalid, undated_on=day)
        except ParseError as exc:
            raise _fail(f"{file}: {exc}") from None
        for line in result.report_lines():
            self.stdout.write(line)
        if result.refused:
            raise _fail(f"{result.counts['error']} invalid rows; nothing was imported "
                        "(fix them, or run again with --skip-invalid)")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        else:
            self.stdout.write(f"Imported into Region {target.number}.")
