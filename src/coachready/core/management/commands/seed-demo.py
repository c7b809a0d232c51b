"""`coachready seed-demo --volunteers N --regions R [--seed S]`: the synthetic
national data set the benchmarks run against."""

import time

from django.core.management.base import BaseCommand, CommandError

from coachready.core.synthetic import SeedError, seed_national


class Command(BaseCommand):
    help = "Generate a deterministic synthetic national data set (regions numbered from 1000)."

    def add_arguments(self, parser):
        parser.add_argument("--volunteers", type=int, required=True)
        parser.add_argument("--regions", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, volunteers: int, regions: int, seed: int, **options):
        started = time.perf_counter()
        try:
            summary = seed_national(volunteers, regions, seed)
        except SeedError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(
            f"Seeded {summary.regions} regions, {summary.volunteers} volunteers, {summary.records} records, "
            f"{summary.teams} teams, {summary.assignments} coach assignments "
            f"in {time.perf_counter() - started:.1f} s."
        )
