"""Shared personas: the people every view test talks about.

`world` builds Region 60 and Region 61 in one area and section, with a coach,
the region's RCA, RC and safety advocate, an instructor, a referee, the Area
and Section coach administrators, the National Coach and Region 61's RCA.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest

from coachready.org.middleware import needs_second_factor
from coachready.org.models import Area, Person, Region, Role, Section
from tests.browser import CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM
from tests.factories import give_role, make_person, make_region, pass_second_factor

# Playwright's sync API runs an event loop; Django's ORM in the test thread
# must be told that is fine.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


_TRAVELLER = pytest.StashKey[object]()


def _test_today() -> date | None:
    raw = os.environ.get("COACHREADY_TEST_TODAY", "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise pytest.UsageError(f"COACHREADY_TEST_TODAY must be a date (YYYY-MM-DD), got {raw!r}") from None


def pytest_configure(config):
    """The translation catalogues compiled as `make install` leaves them
    (only those changed since), once, before any worker starts."""
    if not hasattr(config, "workerinput"):
        from coachready.core.catalogues import compile_all

        compile_all(stale_only=True)


def pytest_sessionstart(session):
    """COACHREADY_TEST_TODAY=YYYY-MM-DD runs the whole suite on that day, so
    a fixture dated against the calendar shows up before the calendar gets
    there. The clock keeps ticking from noon UTC (the same date in every
    time zone the product runs in); each xdist worker starts its own."""
    today = _test_today()
    if today is not None:
        import time_machine

        traveller = time_machine.travel(datetime.combine(today, time(12), tzinfo=UTC), tick=True)
        traveller.start()
        session.config.stash[_TRAVELLER] = traveller


def pytest_sessionfinish(session):
    traveller = session.config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config):
    today = _test_today()
    return [f"clock moved to {today.isoformat()} (COACHREADY_TEST_TODAY)"] if today else []


def pytest_collection_modifyitems(items):
    """Every test that drives the browser is an `e2e` test (`make e2e`), and
    is skipped, saying why, where Chromium is not installed."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) or "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if not HAVE_CHROMIUM:
                item.add_marker(pytest.mark.skip(reason=f"Chromium is not installed at {CHROMIUM}"))


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back
    between tests, and a page or count cached by one test must not answer
    in the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class World:
    section: Section
    area: Area
    region: Region
    other_region: Region
    coach: Person
    rca: Person
    rc: Person
    safety: Person
    instructor: Person
    referee: Person
    area_ca: Person
    section_ca: Person
    national: Person
    other_rca: Person
    other_instructor: Person


@pytest.fixture
def world(db) -> World:
    region = make_region(60, "Alhambra/Monterey Park", email="coaches@region60.example.org", phone="626-244-7374")
    other = make_region(61, "Sample Valley", area=region.area)
    people = {
        "coach": make_person(region, "Casey", "Coach"),
        "rca": make_person(region, "Rita", "Administrator"),
        "rc": make_person(region, "Ray", "Commissioner"),
        "safety": make_person(region, "Sam", "Advocate"),
        "instructor": make_person(region, "Ines", "Instructor"),
        "referee": make_person(region, "Reggie", "Referee"),
        "area_ca": make_person(region, "Alma", "Area"),
        "section_ca": make_person(region, "Sergio", "Section"),
        "national": make_person(region, "Nora", "National"),
        "other_rca": make_person(other, "Otto", "Outsider"),
        "other_instructor": make_person(other, "Olga", "Instructor"),
    }
    give_role(people["coach"], Role.COACH, region=region)
    give_role(people["rca"], Role.REGIONAL_COACH_ADMINISTRATOR, region=region)
    give_role(people["rc"], Role.REGIONAL_COMMISSIONER, region=region)
    give_role(people["safety"], Role.SAFETY_ADVOCATE, region=region)
    give_role(people["instructor"], Role.INSTRUCTOR, region=region)
    give_role(people["referee"], Role.REFEREE, region=region)
    give_role(people["area_ca"], Role.AREA_COACH_ADMINISTRATOR, area=region.area)
    give_role(people["section_ca"], Role.SECTION_COACH_ADMINISTRATOR, section=region.area.section)
    give_role(people["national"], Role.NATIONAL_COACH)
    give_role(people["other_rca"], Role.REGIONAL_COACH_ADMINISTRATOR, region=other)
    give_role(people["other_instructor"], Role.INSTRUCTOR, region=other)
    return World(section=region.area.section, area=region.area, region=region, other_region=other, **people)


@pytest.fixture
def login(client):
    """`login(person)` signs the test client in as that person's account, as
    production would: the session of anyone who needs a second factor (an
    administrator) has passed it, with a TOTP authenticator of their own.
    `login(person, second_factor=False)` is a password-only session."""

    def _login(person: Person | None, *, second_factor: bool = True):
        client.logout()
        if person is not None:
            client.force_login(person.user)
            if second_factor and needs_second_factor(person.user):
                pass_second_factor(client, person.user)
        return client

    return _login
