"""The heading and School Yard pages on a 390×844 phone in Chromium: no
sideways scrolling and no serious or critical axe-core findings."""

from __future__ import annotations

from datetime import date

import pytest
from django.conf import settings

from coachready.heading.services.practices import add_player, log_practice
from coachready.schoolyard import services as schoolyard

pytestmark = pytest.mark.django_db(transaction=True)


def _problems(page, url: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = []
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 1:
        found.append(f"{url} is {overflow}px wider than the phone")
    for violation in Axe().run(page).response["violations"]:
        if violation.get("impact") in {"serious", "critical"}:
            found.append(f"axe {violation['id']} on {url}")
    return found


def test_pages_on_a_phone(live_server, client, world, team14, browser):
    ana = add_player(team14, "Ana")
    log_practice(team14, day=date(2026, 9, 8), heading_minutes=20, headers={ana: 18})
    log_practice(team14, day=date(2026, 9, 10), heading_minutes=15, headers={ana: 4})
    plan = schoolyard.create_plan(owner=world.coach, team=None, title="Fall", start=date(2026, 9, 12),
                                  sessions=12, skip=[date(2026, 10, 31)])
    client.force_login(world.coach.user)
    coach_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.force_login(world.safety.user)
    safety_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    pages = [
        (None, "/heading/"),
        (None, "/heading/restart/?division=14U&offending_team=away&x=50&y=30&go=1"),
        (None, "/schoolyard/"),
        (None, "/schoolyard/weeks/4/"),
        (coach_cookie, f"/heading/teams/{team14.pk}/practices/"),
        (coach_cookie, f"/heading/teams/{team14.pk}/practices/new/"),
        (coach_cookie, f"/schoolyard/plans/{plan.pk}/"),
        (coach_cookie, f"/schoolyard/plans/{plan.pk}/print/"),
        (coach_cookie, "/schoolyard/plans/new/"),
        (safety_cookie, "/region/60/heading/"),
    ]
    problems: list[str] = []
    for cookie, path in pages:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        if cookie:
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        page = context.new_page()
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        problems += _problems(page, path)
        context.close()
    assert not problems, "\n".join(problems)
