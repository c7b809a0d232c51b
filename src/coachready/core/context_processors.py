from __future__ import annotations

from coachready.core.navigation import collect
from coachready.core.regions import current_region


def product(request):
    """The region the page speaks for and the menu for this user."""
    return {
        "current_region": current_region(request),
        "nav_links": collect(request, "nav_links"),
        "site_url": f"{request.scheme}://{request.get_host()}",
    }
