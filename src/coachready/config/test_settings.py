"""Settings for the test suite: the normal settings with COACHREADY_TESTING
on (locmem email, immediate tasks, a fast password hasher)."""

import os

os.environ["COACHREADY_TESTING"] = "1"
os.environ.setdefault("DEBUG", "true")

from coachready.config.settings import *  # noqa: E402,F403

# One process: local memory, whatever CACHE_URL says (the multi-process test
# starts its own servers with their own shared cache).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# As in production: administrators' sessions must have passed the second
# factor (the `login` fixture signs them in that way).
MFA_REQUIRED_FOR_ADMINS = True

# `make test` keeps the HTML pages the suite renders for the Nu HTML Checker
# (tests/html_capture.py, tests/check_html.py).
if os.environ.get("HTML_CAPTURE_DIR"):
    MIDDLEWARE = [*MIDDLEWARE, "tests.html_capture.HtmlCaptureMiddleware"]  # noqa: F405
