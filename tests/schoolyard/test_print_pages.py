"""Each curriculum week prints on exactly one sheet (Chromium's print to PDF)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_each_week_prints_on_one_page(live_server, world, browser):
    page = browser.new_page()
    counts = {}
    for n in range(1, 11):
        page.goto(f"{live_server.url}/schoolyard/weeks/{n}/")
        counts[n] = _pages(page.pdf(format="Letter"))
    page.goto(f"{live_server.url}/schoolyard/print/")
    everything = _pages(page.pdf(format="Letter"))
    page.close()
    assert counts == dict.fromkeys(range(1, 11), 1)
    assert everything == 10
