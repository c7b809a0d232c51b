"""Browser journeys in Debian's Chromium, driven by Playwright.

Each journey runs on a desktop (1280×800) and a phone (390×844) viewport,
saves a screenshot per step under test-results/, runs axe-core on every page
it visits (no serious or critical violations), and fails on console errors,
failed requests, any Content-Security-Policy violation and any page served
without the policy.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@dataclass
class Journey:
    """A browser tab that records what a person went through."""

    page: object
    base_url: str
    folder: Path
    viewport: str
    problems: list[str] = field(default_factory=list)
    step: int = 0
    checked: set[str] = field(default_factory=set)
    codes_used: set[tuple[str, str]] = field(default_factory=set)

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    def shot(self, name: str) -> Path:
        """Screenshot this step and check the page's accessibility once per URL."""
        self.step += 1
        path = self.folder / f"{self.step:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.png"
        self.page.screenshot(path=str(path), full_page=True)
        self.check_accessibility()
        self.check_layout()
        return path

    def check_accessibility(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        url = self.page.url.split("#")[0]
        if url in self.checked:
            return
        self.checked.add(url)
        results = Axe().run(self.page)
        for violation in results.response["violations"]:
            if violation.get("impact") in {"serious", "critical"}:
                targets = [node.get("target") for node in violation.get("nodes", [])][:3]
                self.problems.append(f"axe {violation['id']} ({violation['impact']}) on {url}: {targets}")

    def check_layout(self) -> None:
        """Nothing may make a phone page scroll sideways."""
        overflow = self.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 1:
            self.problems.append(f"page is {overflow}px wider than the viewport on {self.page.url}")

    def sign_in(self, email: str, password: str) -> None:
        """Sign in through the real page; an administrator also gives the
        code their authenticator app would show (they have TOTP set up)."""
        secret = _totp_secret_of(email)
        # By the fields' names: the page may be in any of the languages.
        self.goto("/accounts/login/")
        self.page.locator("main input[name=login]").fill(email)
        self.page.locator("main input[name=password]").fill(password)
        self.page.locator("main form button[type=submit]").first.click()
        self.page.wait_for_load_state()
        if secret is not None:
            self.page.locator("input[name=code]").fill(_fresh_code(secret, self.codes_used))
            self.page.locator("main form button[type=submit]").first.click()
            self.page.wait_for_load_state()

    def sign_out(self) -> None:
        self.page.context.clear_cookies()


def _totp_secret_of(email: str) -> str | None:
    """The TOTP secret of an account that needs a second factor (set up now
    if it has none), or None for everyone else."""
    from coachready.org.middleware import needs_second_factor
    from coachready.org.models import User
    from tests.factories import give_totp

    user = User.objects.filter(email__iexact=email).first()
    if user is None or not needs_second_factor(user):
        return None
    return give_totp(user)


def _fresh_code(secret: str, used: set[tuple[str, str]]) -> str:
    """The current code; allauth accepts each code once, so a second sign-in
    within the same period waits for the next code."""
    from allauth.mfa import app_settings

    from tests.factories import totp_code

    code = totp_code(secret)
    if (secret, code) in used:
        time.sleep(app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD + 0.5)
        code = totp_code(secret)
    used.add((secret, code))
    return code


@pytest.fixture(params=list(VIEWPORTS))
def journey(request, browser, live_server):
    viewport = request.param
    context = browser.new_context(viewport=VIEWPORTS[viewport], accept_downloads=True)
    page = context.new_page()
    name = request.node.originalname.removeprefix("test_")
    folder = RESULTS / name / viewport
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    trip = Journey(page=page, base_url=live_server.url, folder=folder, viewport=viewport)
    # The browser fires securitypolicyviolation for everything the policy
    # blocks (an inline script, an outside request...); report each one.
    context.expose_binding("reportCspViolation", lambda _source, text: trip.problems.append(f"CSP violation: {text}"))
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => window.reportCspViolation("
        "`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}"
        " at ${e.sourceFile || e.documentURI}:${e.lineNumber}`));"
    )
    page.on("console", lambda msg: msg.type == "error" and trip.problems.append(f"console error: {msg.text}"))
    # A request the browser itself aborts because the page navigated on
    # (ERR_ABORTED) is not a failure of the product; anything else is.
    page.on(
        "requestfailed",
        lambda req: "ERR_ABORTED" not in (req.failure or "")
        and trip.problems.append(f"request failed: {req.url} {req.failure}"),
    )
    page.on(
        "response",
        lambda resp: resp.status >= 400 and trip.problems.append(f"HTTP {resp.status} for {resp.url}"),
    )
    page.on(
        "response",
        lambda resp: resp.request.resource_type == "document"
        and resp.url.startswith(live_server.url)
        and "content-security-policy" not in resp.headers
        and trip.problems.append(f"no Content-Security-Policy on {resp.url}"),
    )
    yield trip
    context.close()
    assert not trip.problems, "\n".join(trip.problems)
