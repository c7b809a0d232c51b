"""How apps find each other: the one place that asks every installed app
what it offers. An app answers a hook by defining a method of that name on
its AppConfig; an app that does not define it simply contributes nothing.
Nothing else in the product walks the app registry.

- `nav_links(request) -> list[Link]`: the main menu. It shows on every page,
  so a signed-in person's menu is kept in the cache for the day; an app whose
  answer reads a model names it in `nav_links_read` (e.g.
  `("crosscert.Application",)`), and any write to such a model, or to the
  person's own account, renews the menus (`connect_nav_links_cache`).
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

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation

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


NAV_LINKS_SECONDS = 3600
_NAV_EVERYONE = "hooks:nav-links:generation"


def _nav_generation_key(user_id: object) -> str:
    return f"{_NAV_EVERYONE}:{user_id}"


def nav_links(request) -> list[Link]:  # noqa: ANN001
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return _links("nav_links", request)
    keys = [_NAV_EVERYONE, _nav_generation_key(user.pk)]
    generations = cache.get_many(keys)
    for key in keys:
        if key not in generations:
            cache.add(key, uuid.uuid4().hex, None)
            generations[key] = cache.get(key) or ""
    # The day, because roles are held from one day to another; the language,
    # because a menu is words.
    key = f"hooks:nav-links:{user.pk}:{translation.get_language()}:{timezone.localdate().isoformat()}:" + ":".join(
        generations[k] for k in keys
    )
    found = cache.get(key)
    if found is None:
        found = _links("nav_links", request)
        cache.set(key, found, NAV_LINKS_SECONDS)
    return found


def _renew(keys: set[str]) -> None:
    """Fresh generations for `keys`, now and again when the transaction
    commits (another process may read the uncommitted, old state between)."""

    def renew() -> None:
        cache.set_many({key: uuid.uuid4().hex for key in keys}, None)

    renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(renew)


def renew_menus() -> None:
    """Every cached menu is out of date: for a writer that bypasses the
    model signals (a bulk update of roles or people, say)."""
    _renew({_NAV_EVERYONE})


def _on_menu_data_change(sender, **kwargs) -> None:  # noqa: ANN001
    renew_menus()


def _on_account_change(sender, instance, **kwargs) -> None:  # noqa: ANN001
    # Signing in writes last_login: renew that person's menu only.
    _renew({_nav_generation_key(instance.pk)})


def connect_nav_links_cache() -> None:
    """Renew the cached menus on writes to the models the apps' `nav_links`
    read (their AppConfig's `nav_links_read`) and to the user's account."""
    from django.contrib.auth import get_user_model

    models = sorted({name for config in apps.get_app_configs() for name in getattr(config, "nav_links_read", ())})
    for name in models:
        for signal, verb in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(_on_menu_data_change, sender=name, dispatch_uid=f"nav-links-{name}-{verb}")
    user = get_user_model()
    post_save.connect(_on_account_change, sender=user, dispatch_uid="nav-links-account-saved")
    post_delete.connect(_on_account_change, sender=user, dispatch_uid="nav-links-account-deleted")


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
