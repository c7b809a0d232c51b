"""Shared personas: the people every view test talks about.

`world` builds Region 60 and Region 61 in one area and section, with a coach,
the region's RCA, RC and safety advocate, an instructor, a referee, the Area
and Section coach administrators, the National Coach and Region 61's RCA.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from coachready.org.models import Area, Person, Region, Role, Section
from tests.browser import CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM
from tests.factories import give_role, make_person, make_region

# Playwright's sync API runs an event loop; Django's ORM in the test thread
# must be told that is fine.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


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
    """`login(person)` signs the test client in as that person's account."""

    def _login(person: Person | None):
        client.logout()
        if person is not None:
            client.force_login(person.user)
        return client

    return _login
