"""Search over the pages of the region site the request is for."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page, Site

from coachready.site.regions import region_for_request


def search(request):
    query = request.GET.get("q", "").strip()[:100]
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        results = pages.search(query)
    request._coachready_region = region_for_request(request)
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "site/search.html", {"query": query, "page": page})
