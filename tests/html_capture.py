"""Keeps the HTML pages the test suite renders, for the Nu HTML Checker.

With HTML_CAPTURE_DIR set, the test settings add this middleware: every
HTML page a test (view, persona or browser journey) receives is written to
that folder, a few per URL name and status, so the checker sees each page
in the states the tests put it in without reading thousands of copies.
`tests/check_html.py` then validates the folder (`make test` runs both).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from django.urls import Resolver404, resolve

# Pages that are not ours to validate: the CMS and Django admin render
# their own markup.
SKIP_PREFIXES = ("/cms/", "/django-admin/", "/static/", "/media/", "/api/")
PER_PAGE = 4


class HtmlCaptureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.folder = Path(os.environ["HTML_CAPTURE_DIR"])
        self.folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(SKIP_PREFIXES)
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or response.status_code in (301, 302, 303, 304, 307, 308)
            or not response.content.strip()
        ):
            return response
        try:
            match = resolve(request.path_info)
            name = match.view_name or match.func.__name__
        except Resolver404:
            name = "not-found"
        if name.startswith("wagtail_serve") or name == "wagtail_serve":
            name = "site-" + (request.path_info.strip("/").replace("/", "-") or "home")
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{name}-{response.status_code}")[:120]
        body = response.content
        for n in range(PER_PAGE):
            try:
                fd = os.open(self.folder / f"{stem}-{n}.html", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue
            with os.fdopen(fd, "wb") as fh:
                fh.write(f"<!-- {request.method} {request.get_full_path()} -->\n".encode() + body)
            break
        return response
