"""Serve anonymous visitors' public pages from the shared cache
(`coachready.site.pagecache` says what is stored and when it is replaced).

It sits before the session, CSRF and messages middleware so that, when it
decides whether to store a page, their answers (a session or CSRF cookie)
are already on the response. It looks the page up in `process_view`, once
the language is chosen and the user known, and only for Wagtail's page view:
the product's own views are never cached here.
"""

from __future__ import annotations

from wagtail.views import serve as wagtail_serve

from coachready.site import pagecache


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_public_page_key", None)
        if key is not None and pagecache.may_store(request, response):
            pagecache.store(key, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or not pagecache.may_serve_cached(request):
            return None
        key = pagecache.page_key(request)
        if key is None:
            return None
        cached = pagecache.fetch(key)
        if cached is None:
            request._public_page_key = key
        return cached
