import subprocess
from pathlib import Path

import pytest

import coachready.site
from coachready.site.services.tree import create_region_site

CATALOGUES = Path(coachready.site.__file__).parent / "locale"


@pytest.fixture(scope="session", autouse=True)
def _site_catalogues():
    """The site's catalogues compiled, as `make install` leaves them: the
    tests read the pages in every language."""
    for po in CATALOGUES.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)


@pytest.fixture
def site60(world):
    """Region 60's website: the default site, as in the demo."""
    region_site, _ = create_region_site(world.region, hostname="localhost", port=80, default=True)
    return region_site


@pytest.fixture
def site61(world, site60):
    """Region 61's website on its own host name."""
    region_site, _ = create_region_site(world.other_region, hostname="region61.localhost", port=80)
    return region_site


@pytest.fixture
def home(site60):
    return site60.site.root_page.specific
