"""Search over the pages of the region site the request is for."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page, Site

from coachready.site.regions import region_for_request

# The database search backend puts each word between double quotes for
# SQLite's full-text MATCH without doubling a quote inside it, so `a"b` is a
# syntax error there; PostgreSQL refuses a NUL in any string. Neither can be
# part of a word worth finding, so both become spaces.
_UNSEARCHABLE = re.compile(r'["\x00-\x1f\x7f]')


def search_text(raw: str) -> str:
    """What the visitor typed, safe for the full-text engine."""
    return " ".join(_UNSEARCHABLE.sub(" ", raw).split())[:100]


def search(request):
    query = search_text(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        # The pages in the language being read: that language's tree.
        pages = Page.objects.live().public().descendant_of(site.root_page.localized, inclusive=True)
        results = pages.search(query)
    request._coachready_region = region_for_request(request)
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "site/search.html", {"query": query, "page": page})
