"""`coachready create-region-site --region 60 [--hostname H] [--port P] [--default]`:
build a region's website with its default pages in every language of
LANGUAGES, once; run again with --hostname/--port it moves an existing site
to that address, and on a site built before them it adds the default pages
it lacks, and their translations.

The site's address (port 443 means https) is what every absolute link about
the region is built on: emails, calendar feeds, the sitemap, the CMS's
"Live" links."""

from django.core.management.base import BaseCommand

from coachready.org.models import Region
from coachready.site.models import RegionSite
from coachready.site.services.tree import (
    SiteSetupError,
    add_missing_seed_pages,
    create_region_site,
    set_region_address,
)


class Command(BaseCommand):
    help = "Create a region's public website (Wagtail site, default pages, editor group), or set its address."

    def add_arguments(self, parser):
        parser.add_argument("--region", type=int, required=True, help="Region number, e.g. 60.")
        parser.add_argument("--hostname", help="Host name the site answers to (default localhost).")
        parser.add_argument("--port", type=int, help="Port visitors use (default 80; 443 means https).")
        parser.add_argument("--default", action="store_true", help="Serve this site for unknown host names too.")

    def _fail(self, message: str) -> None:
        self.stderr.write(f"create-region-site: {message}")
        raise SystemExit(2)

    def handle(self, *args, region: int, hostname: str | None, port: int | None, default: bool, **options):
        found = Region.objects.filter(number=region).first()
        if found is None:
            self._fail(f"there is no Region {region}.")
        if port is not None and not 1 <= port <= 65535:
            self._fail(f"--port {port} is not a port number (1-65535).")
        if hostname is not None:
            hostname = hostname.strip().lower()
            if not hostname or any(c in hostname for c in "/: "):
                self._fail(f"--hostname {hostname!r} is not a host name (no scheme, port or path).")
        existing = RegionSite.objects.filter(region=found).select_related("site").first()
        try:
            if existing is None:
                region_site, _ = create_region_site(
                    found, hostname=hostname or "localhost", port=port or 80, default=default
                )
                self.stdout.write(self.style.SUCCESS(
                    f"Created the website of {found.display_name} at {region_site.site.root_url}/."
                ))
                return
            if hostname is not None or port is not None:
                before = existing.site.root_url
                region_site = set_region_address(
                    found, hostname=hostname or existing.site.hostname, port=port or existing.site.port
                )
                if region_site.site.root_url != before:
                    self.stdout.write(self.style.SUCCESS(
                        f"The website of {found.display_name} is now at {region_site.site.root_url}/."
                    ))
                    return
        except SiteSetupError as exc:
            self._fail(str(exc))
        self.stdout.write(f"{found.display_name} already has a website at {existing.site.root_url}/.")
        added = add_missing_seed_pages(existing)
        if added:
            self.stdout.write(f"Added the pages it lacked: {', '.join(added)}.")
