"""`coachready readiness-report --region 60 --as-of 2026-09-01 --format csv|json|xlsx [--division 10U]`

One row per coach assignment in the region's seasons running or to come on
the day: person, volunteer id, team, division, role, eligible, unmet codes,
earliest lapse. CSV and JSON go to standard output; XLSX too (as bytes), or
to `--output FILE`. Bad arguments print one line on standard error and exit 2.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from coachready.certs.services import exports
from coachready.certs.services.readiness import REPORT_COLUMNS, region_rows
from coachready.org.models import Region

FORMATS = ("csv", "json", "xlsx")


def _bad(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Print the readiness of every coach assignment in a region (CSV, JSON or XLSX)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message: str) -> None:
            sys.stderr.write(f"readiness-report: {message}\n")
            sys.exit(2)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="Region number, e.g. 60.")
        parser.add_argument("--as-of", dest="as_of", help="The day to evaluate on (YYYY-MM-DD); default today.")
        parser.add_argument("--format", dest="fmt", default="csv", help="csv (default), json or xlsx.")
        parser.add_argument("--division", help="Only this division, e.g. 10U.")
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, region: str, as_of: str | None, fmt: str, division: str | None,
               output: str | None, **options):
        from django.utils import timezone

        from coachready.rules import InputError

        if not str(region).isdigit():
            raise _bad(f"--region must be a region number, not {region!r}.")
        found = Region.objects.filter(number=int(region)).first()
        if found is None:
            raise _bad(f"No region numbered {region}.")
        try:
            day = date.fromisoformat(as_of) if as_of else timezone.localdate()
        except ValueError:
            raise _bad(f"--as-of must be a date as YYYY-MM-DD, not {as_of!r}.")
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise _bad(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}.")
        if division is not None:
            try:
                division = found.policy().division(division, "--division")
            except InputError as exc:
                raise _bad(str(exc))
        rows = [row.as_report() for row in region_rows(found, day, division=division)]
        if fmt == "csv":
            data: str | bytes = exports.to_csv(REPORT_COLUMNS, rows)
        elif fmt == "json":
            data = exports.to_json(rows, region=found.number, as_of=day.isoformat(), division=division) + "\n"
        else:
            data = exports.to_xlsx(REPORT_COLUMNS, rows, title=f"Region {found.number}")
        if output:
            try:
                path = Path(output)
                path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            except OSError as exc:
                raise _bad(f"Cannot write {output}: {exc.strerror or exc}.")
            return
        stream = self.stdout._out
        if isinstance(data, bytes):
            buffer = getattr(stream, "buffer", stream)
            buffer.write(data)
            buffer.flush()
        else:
            stream.write(data)
