"""How apps find each other: the one place that asks every installed app
what it offers. An app answers a hook by defining a method of that name on
its AppConfig; an app that does not define it simply contributes nothing.
Nothing else in the product walks the app registry.

- `nav_links(request) -> list[Link]`: the main menu.
- `home_links(request) -> list[Link]`: cards on the signed-in home page.
- `region_links(request, region) -> list[Link]`: a region's administration
  pages.
- `course_offers(region, course, after) -> list[CourseOffer]`: upcoming ways
  to complete a course (the training calendar answers); the coach's path to
  ready lists them.
- `digest_sections(region, as_of) -> list[DigestSection]`: what an app has to
  tell a region's administrators in their weekly digest.

Besides the hooks, `app_modules(name)` finds each product app's module of
that name (`coachready.<app>.demo` for the demo data).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from types import ModuleType

from django.apps import apps

from coachready.core.navigation import Link


@dataclass(frozen=True)
class CourseOffer:
    course: str
    title: str
    starts_on: date
    url: str
    place: str = ""
    seats_left: int | None = None
    enrol_url: str = ""


@dataclass(frozen=True)
class DigestSection:
    title: str
    lines: list[str] = field(default_factory=list)
    url: str = ""
    order: int = 100


def providers(hook: str) -> list[Callable]:
    """Every installed app's answer to `hook`, in INSTALLED_APPS order."""
    return [getattr(config, hook) for config in apps.get_app_configs() if hasattr(config, hook)]


def _gather(hook: str, *args: object) -> list:
    results: list = []
    for provider in providers(hook):
        results.extend(provider(*args))
    return results


def _links(hook: str, *args: object) -> list[Link]:
    return sorted(_gather(hook, *args), key=lambda link: (link.order, link.label))


def nav_links(request) -> list[Link]:  # noqa: ANN001
    return _links("nav_links", request)


def home_links(request) -> list[Link]:  # noqa: ANN001
    return _links("home_links", request)


def region_links(request, region) -> list[Link]:  # noqa: ANN001
    return _links("region_links", request, region)


def course_offers(region, course: str, after: date) -> list[CourseOffer]:  # noqa: ANN001
    return sorted(_gather("course_offers", region, course, after), key=lambda o: (o.starts_on, o.title))


def digest_sections(region, as_of: date) -> list[DigestSection]:  # noqa: ANN001
    return sorted(_gather("digest_sections", region, as_of), key=lambda s: (s.order, s.title))


def app_modules(name: str) -> Iterator[ModuleType]:
    """`coachready.<app>.<name>` of every installed product app that has one
    (the core app's own excepted: it is the one asking)."""
    for config in apps.get_app_configs():
        if not config.name.startswith("coachready.") or config.name == "coachready.core":
            continue
        try:
            yield import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
