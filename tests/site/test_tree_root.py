"""Building a region's site on a database whose page tree lost its root
(restored from a partial dump, or flushed) puts the root back."""

import pytest
from wagtail.models import Collection, Locale, Page

from coachready.site.services.tree import create_region_site

pytestmark = pytest.mark.django_db


def test_a_site_is_built_even_without_a_tree_root(world):
    Page.objects.all().delete()
    Collection.objects.all().delete()
    Locale.objects.all().delete()
    region_site, created = create_region_site(world.region, hostname="localhost", port=80, default=True)
    assert created
    assert Page.get_first_root_node() is not None
    region_site.refresh_from_db()
    assert region_site.collection.get_parent().depth == 1
    assert region_site.site.root_page.get_parent().depth == 1
