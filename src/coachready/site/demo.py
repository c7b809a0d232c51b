"""The demo region's website: Region 60 is the default site at "/", so
`make demo` shows it at http://127.0.0.1:8000/; Region 61 gets its own
host name so its administrator has a site of their own to edit."""

from __future__ import annotations

from coachready.core.demo import DemoContext
from coachready.site.services.tree import create_region_site


def load(ctx: DemoContext) -> None:
    create_region_site(ctx.region, hostname="localhost", port=80, default=True)
    create_region_site(ctx.other_region, hostname="region61.localhost", port=80)
