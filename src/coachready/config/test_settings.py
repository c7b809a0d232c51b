"""Settings for the test suite: the normal settings with COACHREADY_TESTING
on (locmem email, immediate tasks, a fast password hasher)."""

import os

os.environ["COACHREADY_TESTING"] = "1"
os.environ.setdefault("DEBUG", "true")

from coachready.config.settings import *  # noqa: E402,F403

# `make test` keeps the HTML pages the suite renders for the Nu HTML Checker
# (tests/html_capture.py, tests/check_html.py).
if os.environ.get("HTML_CAPTURE_DIR"):
    MIDDLEWARE = [*MIDDLEWARE, "tests.html_capture.HtmlCaptureMiddleware"]  # noqa: F405
