"""Anonymous visitors' public pages, served from the shared cache.

A region's site is read far more than it changes, and most readers are not
signed in, so a rendered page is kept in Django's cache (whatever CACHES
names: every web process sees the same entries and the same invalidations).

The key holds the site, the language, the day and the path, and two
generations: one per site and one for every site. Nothing is ever deleted
to invalidate: a change writes a fresh random generation, and the pages
keyed by the old one are simply never asked for again (they expire). So an
evicted generation only costs misses, never a stale page.

What bumps a generation (`invalidation.py` connects the signals): a page
published, unpublished, moved or deleted, a view restriction, a site or its
region (name, contact details, policy overrides), and the region's training
calendar (events, their sessions and enrolments, which show as seats left).

Only what cannot differ between visitors is stored: GET requests without a
query string from visitors with no session or messages cookie, answered 200
without setting a cookie. A page with a form uses the CSRF token, which sets
the CSRF cookie, so the contact page is never stored and its form always
carries the visitor's own token.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone, translation

ALL_SITES = "all"
# A bound on staleness should a writer bypass the signals (a fix made in
# the database by hand, a bulk update).
DEFAULT_SECONDS = 600


def seconds() -> int:
    return int(getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def _generation_key(site_id: object) -> str:
    return f"site-pages:generation:{site_id}"


def _generation(key: str, found: str | None) -> str:
    """The generation stored under `key` (`found`), made on first use."""
    if found is None:
        # add(), not set(): two processes starting a generation at once
        # agree on whichever came first.
        cache.add(key, uuid.uuid4().hex, None)
        found = cache.get(key) or ""
    return found


def _site_id(request, everywhere: str) -> int | None:
    """The Wagtail site of the request's host name and port. Wagtail's own
    lookup is one query with a costly ordering; the answer is kept in the
    cache, good while no site changes (which renews `everywhere`)."""
    from wagtail.models import Site

    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"site-pages:site-of:{hostname}:{request.get_port()}"
    found = cache.get(key)
    if found is not None and found[0] == everywhere:
        return found[1]
    site = Site.find_for_request(request)
    site_id = site.pk if site is not None else None
    cache.set(key, (everywhere, site_id), seconds())
    return site_id


def page_key(request) -> str | None:
    """The cache key of the page `request` asks for; None when no site
    answers for the host name."""
    all_key = _generation_key(ALL_SITES)
    everywhere = _generation(all_key, cache.get(all_key))
    site_id = _site_id(request, everywhere)
    if site_id is None:
        return None
    site_key = _generation_key(site_id)
    here = _generation(site_key, cache.get(site_key))
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or settings.LANGUAGE_CODE
    path = hashlib.blake2s(request.path.encode(), digest_size=16).hexdigest()
    # The day, because the live pages judge against today (upcoming events).
    day = timezone.localdate().isoformat()
    return f"site-pages:page:{site_id}:{everywhere}:{here}:{language}:{day}:{path}"


def may_serve_cached(request) -> bool:
    """Whether this request may be answered with a page stored for anyone."""
    if request.method != "GET" or request.GET or seconds() <= 0:
        return False
    cookies = request.COOKIES
    # A session may hold a signed-in user, messages to show or a passed
    # page password: such a visitor gets a page of their own. No session
    # cookie means an anonymous user, without touching the session store.
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def may_store(request, response) -> bool:
    """Whether `response` is the same for every anonymous visitor."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def fetch(key: str) -> HttpResponse | None:
    stored = cache.get(key)
    if stored is None:
        return None
    content, headers = stored
    return HttpResponse(content, headers=headers)


def store(key: str, response) -> None:
    headers = {name: value for name, value in response.items() if name.lower() != "set-cookie"}
    cache.set(key, (response.content, headers), seconds())


def bump(site_ids: Iterable[object]) -> None:
    """Give each site (ids, or ALL_SITES) a fresh generation now and again
    when the current transaction commits. Now, so that whatever this
    transaction serves next shows its own change; at the commit, because
    another process may have rendered the not yet committed (old) data
    under the interim generation in between."""
    keys = {_generation_key(site_id) for site_id in site_ids if site_id is not None}
    if not keys:
        return

    def renew() -> None:
        cache.set_many({key: uuid.uuid4().hex for key in keys}, None)

    renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(renew)


def bump_all() -> None:
    bump([ALL_SITES])


def bump_region(region_ids: Iterable[object]) -> None:
    """Bump the sites of these regions (ids)."""
    from coachready.site.models import RegionSite

    ids = {int(r) for r in region_ids if r is not None}
    if ids:
        bump(RegionSite.objects.filter(region_id__in=ids).values_list("site_id", flat=True))


def bump_paths(url_paths: Iterable[str]) -> None:
    """Bump the sites whose tree holds pages at these Wagtail url_paths."""
    from wagtail.models import Site

    paths = [p for p in url_paths if p]
    bump(
        root.site_id
        for root in Site.get_site_root_paths()
        if any(path.startswith(root.root_path) for path in paths)
    )
