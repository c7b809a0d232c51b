"""The journeys' guard against Content-Security-Policy violations does fire:
a page that tries to run an inline script is reported."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_inline_script_is_blocked_and_reported(journey):
    journey.goto("/accounts/login/")
    journey.page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = true';"
        " document.body.appendChild(s); }"
    )
    journey.page.wait_for_timeout(300)
    assert journey.page.evaluate("() => window.ran === undefined")
    reported = [p for p in journey.problems if p.startswith("CSP violation: script-src")]
    assert reported, journey.problems
    journey.problems.clear()  # the violation was the point; the journey itself is fine
