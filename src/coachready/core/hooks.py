"""Extension points between apps, answered by each app's AppConfig.

- `course_offers(region, course, after) -> list[CourseOffer]`: upcoming ways
  to complete a course (the training calendar answers); the coach's path to
  ready lists them.
- `digest_sections(region, as_of) -> list[DigestSection]`: what an app has to
  tell a region's administrators in their weekly digest.

An app that does not define a hook simply contributes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps


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


def _call(hook: str, *args: object) -> list:
    results: list = []
    for config in apps.get_app_configs():
        provider = getattr(config, hook, None)
        if provider is not None:
            results.extend(provider(*args))
    return results


def course_offers(region, course: str, after: date) -> list[CourseOffer]:  # noqa: ANN001
    return sorted(_call("course_offers", region, course, after), key=lambda o: (o.starts_on, o.title))


def digest_sections(region, as_of: date) -> list[DigestSection]:  # noqa: ANN001
    return sorted(_call("digest_sections", region, as_of), key=lambda s: (s.order, s.title))
