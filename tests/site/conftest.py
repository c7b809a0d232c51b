import pytest

from coachready.site.services.tree import create_region_site


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
