"""Navigation gathered from the apps.

Each app's AppConfig may define `nav_links(request) -> list[Link]` (the main
menu) and `home_links(request) -> list[Link]` (cards on the signed-in home
page). The base template and the home page show what every installed app
offers the current user, so no app edits another's templates to be found.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    description: str = ""
    order: int = 100


def collect(request, hook: str) -> list[Link]:
    links: list[Link] = []
    for config in apps.get_app_configs():
        provider = getattr(config, hook, None)
        if provider is not None:
            links.extend(provider(request))
    return sorted(links, key=lambda link: (link.order, link.label))


def collect_region(request, region) -> list[Link]:
    """Links for a region's administration pages: each app's AppConfig may
    define `region_links(request, region) -> list[Link]`."""
    links: list[Link] = []
    for config in apps.get_app_configs():
        provider = getattr(config, "region_links", None)
        if provider is not None:
            links.extend(provider(request, region))
    return sorted(links, key=lambda link: (link.order, link.label))
