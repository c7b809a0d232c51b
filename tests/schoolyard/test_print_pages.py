"""Each curriculum week prints on exactly one sheet (Chromium's print to PDF)."""

from __future__ import annotations

import os
import re

import pytest

CHROMIUM = "/usr/bin/chromium"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Chromium is not installed at {CHROMIUM}"),
]


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_each_week_prints_on_one_page(live_server, world):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        counts = {}
        for n in range(1, 11):
            page.goto(f"{live_server.url}/schoolyard/weeks/{n}/")
            counts[n] = _pages(page.pdf(format="Letter"))
        page.goto(f"{live_server.url}/schoolyard/print/")
        everything = _pages(page.pdf(format="Letter"))
        browser.close()
    assert counts == dict.fromkeys(range(1, 11), 1)
    assert everything == 10
