"""Debian's Chromium, driven by Playwright, for every browser test.

One browser per test process: Playwright's sync API runs its own event loop,
and a second one started in the same process while the first is open fails,
so tests ask for the shared `browser` fixture instead of starting their own.
"""

from __future__ import annotations

import os

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HAVE_CHROMIUM = os.path.exists(CHROMIUM)
