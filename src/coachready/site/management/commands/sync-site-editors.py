"""`coachready sync-site-editors [--region N]`: make each region's website
editor group match today's role assignments. Idempotent; run daily so roles
that start or end by date take effect."""

from django.core.management.base import BaseCommand

from coachready.org.models import Region
from coachready.site.editors import sync_all_site_editors, sync_region_editors
from coachready.site.models import RegionSite


class Command(BaseCommand):
    help = "Sync the Wagtail editor groups of region websites with role assignments."

    def add_arguments(self, parser):
        parser.add_argument("--region", type=int, help="Only this region number.")

    def handle(self, *args, region: int | None, **options):
        if region is not None:
            found = Region.objects.filter(number=region).first()
            if found is None or not RegionSite.objects.filter(region=found).exists():
                self.stderr.write(f"sync-site-editors: Region {region} has no website.")
                raise SystemExit(2)
            results = {region: sync_region_editors(found)}
        else:
            results = sync_all_site_editors()
        for number, (added, removed) in results.items():
            self.stdout.write(f"Region {number}: {added} added, {removed} removed")
