"""`coachready create-region-site --region 60 [--hostname H] [--port P] [--default]`:
build a region's website with its default pages, once."""

from django.core.management.base import BaseCommand

from coachready.org.models import Region
from coachready.site.services.tree import SiteSetupError, create_region_site


class Command(BaseCommand):
    help = "Create a region's public website (Wagtail site, default pages, editor group) unless it exists."

    def add_arguments(self, parser):
        parser.add_argument("--region", type=int, required=True, help="Region number, e.g. 60.")
        parser.add_argument("--hostname", default="localhost")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--default", action="store_true", help="Serve this site for unknown host names too.")

    def _fail(self, message: str) -> None:
        self.stderr.write(f"create-region-site: {message}")
        raise SystemExit(2)

    def handle(self, *args, region: int, hostname: str, port: int, default: bool, **options):
        found = Region.objects.filter(number=region).first()
        if found is None:
            self._fail(f"there is no Region {region}.")
        if not 1 <= port <= 65535:
            self._fail(f"--port {port} is not a port number (1-65535).")
        hostname = hostname.strip().lower()
        if not hostname or any(c in hostname for c in "/: "):
            self._fail(f"--hostname {hostname!r} is not a host name (no scheme, port or path).")
        try:
            region_site, created = create_region_site(found, hostname=hostname, port=port, default=default)
        except SiteSetupError as exc:
            self._fail(str(exc))
        site = region_site.site
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created the website of {found.display_name} at {site}."))
        else:
            self.stdout.write(f"{found.display_name} already has a website at {site}.")
