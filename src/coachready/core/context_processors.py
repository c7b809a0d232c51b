from __future__ import annotations

from coachready.core import hooks
from coachready.core.regions import current_region


def product(request):
    """The region the page speaks for and the menu for this user."""
    return {
        "current_region": current_region(request),
        "nav_links": hooks.nav_links(request),
        "site_url": f"{request.scheme}://{request.get_host()}",
    }
