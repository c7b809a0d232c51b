"""`coachready readiness-report (--region 60 | --all-regions) --as-of 2026-09-01 --format csv|json|xlsx`
[--division 10U]

One row per coach of the region's population on the day: each coach
assignment in the seasons running or to come, and each coaching role with a
division held by a volunteer still awaiting a team (`team` empty). Columns:
person, volunteer id, team, division, role, eligible, unmet codes, earliest
lapse, status, region. `--region N` reports one region; `--all-regions` the whole country,
region after region, streaming rows as they are evaluated so memory holds
one region's rows at a time. It is an operator's tool on the server: there
is no access check.

CSV (UTF-8 with a byte-order mark, CRLF) and JSON go to standard output; XLSX too (as bytes), or to `--output
FILE` (written aside and moved into place, so a failed run leaves no half
file). Bad arguments print one line on standard error and exit 2.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError

from coachready.certs.services.readiness import READINESS_REPORT, regions_rows
from coachready.core import exports
from coachready.org.models import Region

FORMATS = ("csv", "json", "xlsx")


def _bad(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    # A read-only report: the system checks (a second or more of start-up)
    # belong to deployment and `migrate`, not to every scheduled run.
    requires_system_checks: list[str] = []
    help = ("Print the readiness of every coach in a region or in all regions, on a team or awaiting one "
            "(CSV, JSON or XLSX).")

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def one_line_error(message: str) -> None:
            sys.stderr.write(f"readiness-report: {message}\n")
            sys.exit(2)

        parser.error = one_line_error
        return parser

    def add_arguments(self, parser):
        scope = parser.add_mutually_exclusive_group(required=True)
        scope.add_argument("--region", help="Region number, e.g. 60.")
        scope.add_argument("--all-regions", dest="all_regions", action="store_true",
                           help="Every region, in region number order.")
        parser.add_argument("--as-of", dest="as_of", help="The day to evaluate on (YYYY-MM-DD); default today.")
        parser.add_argument("--format", dest="fmt", default="csv", help="csv (default), json or xlsx.")
        parser.add_argument("--division", help="Only this division, e.g. 10U.")
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, region: str | None, all_regions: bool, as_of: str | None, fmt: str,
               division: str | None, output: str | None, **options):
        from django.utils import timezone

        from coachready.rules import InputError, load_policy

        if all_regions:
            found = None
            regions = Region.objects.order_by("number")
        else:
            if not str(region).isdigit():
                raise _bad(f"--region must be a region number, not {region!r}.")
            found = Region.objects.filter(number=int(region)).first()
            if found is None:
                raise _bad(f"No region numbered {region}.")
            regions = [found]
        try:
            day = date.fromisoformat(as_of) if as_of else timezone.localdate()
        except ValueError:
            raise _bad(f"--as-of must be a date as YYYY-MM-DD, not {as_of!r}.")
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise _bad(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}.")
        if division is not None:
            # Division codes are the same in every profile; a region's own
            # policy names it best when there is one region.
            policy = found.policy() if found is not None else load_policy()
            try:
                division = policy.division(division, "--division")
            except InputError as exc:
                raise _bad(str(exc))
        found_rows = regions_rows(regions, day, division=division)
        # JSON rows are objects; CSV and XLSX take each row's values in column order.
        rows = (row.as_report() for row in found_rows) if fmt == "json" else (r.report_values() for r in found_rows)
        meta = {"region": found.number if found else None, "all_regions": all_regions,
                "as_of": day.isoformat(), "division": division}
        title = f"Region {found.number}" if found else "All regions"
        if output:
            self._to_file(Path(output), fmt, rows, meta, title)
        else:
            self._to_stdout(fmt, rows, meta, title)

    def _write(self, fmt: str, text: IO[str] | None, binary: IO[bytes] | None, rows: Iterator[dict[str, Any]],
               meta: dict[str, Any], title: str) -> None:
        report = dataclasses.replace(READINESS_REPORT, title=title)
        if fmt == "csv":
            exports.write_csv(text, report, rows)
        elif fmt == "json":
            exports.write_json(text, rows, **meta)
        else:
            exports.write_xlsx(binary, report, rows)

    def _to_stdout(self, fmt: str, rows, meta, title: str) -> None:  # noqa: ANN001
        stream = self.stdout._out
        if fmt == "xlsx":
            # openpyxl needs a seekable target; the workbook is assembled aside.
            data = io.BytesIO()
            self._write(fmt, None, data, rows, meta, title)
            buffer = getattr(stream, "buffer", stream)
            buffer.write(data.getvalue())
            buffer.flush()
            return
        self._write(fmt, stream, None, rows, meta, title)
        stream.flush()

    def _to_file(self, path: Path, fmt: str, rows, meta, title: str) -> None:  # noqa: ANN001
        partial = path.with_name(f".{path.name}.part")
        try:
            if fmt == "xlsx":
                with open(partial, "wb") as binary:
                    self._write(fmt, None, binary, rows, meta, title)
            else:
                with open(partial, "w", encoding="utf-8", newline="") as text:
                    self._write(fmt, text, None, rows, meta, title)
            os.replace(partial, path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise _bad(f"Cannot write {path}: {exc.strerror or exc}.")
