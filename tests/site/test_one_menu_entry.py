"""One menu entry per page: the heading rules and School Yard are in the
region website's menu once; the app's lessons and curriculum are reached
from that page and from the signed-in home page, not from a second entry."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from coachready.teams.models import CoachAssignment, Team
from tests.certs.conftest import make_season


def menus(html: str) -> list[tuple[str, str]]:
    """(href, label) of every link in the page's menus."""
    navs = re.findall(r'<nav class="(?:main-nav|site-menu[^"]*)"[^>]*>(.*?)</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', "".join(navs))


@pytest.mark.parametrize("path", ["/", "/heading-the-ball/", "/school-yard/"])
def test_signed_in_menus_name_each_page_once(client, login, world, site60, path):
    season = make_season(world.region)
    team = Team.objects.create(season=season, division="schoolyard", name="Red Robins")
    CoachAssignment.objects.create(team=team, person=world.coach, role="head_coach")
    html = login(world.coach).get(path).content.decode()
    links = menus(html)
    labels = [label.strip() for _, label in links]
    assert labels.count("School Yard") == 1, labels
    assert "Heading" not in labels and labels.count("Heading the ball") == 1, labels
    hrefs = [href for href, _ in links]
    assert reverse("heading:education") not in hrefs
    assert reverse("schoolyard:curriculum") not in hrefs


def test_the_app_pages_are_reached_from_the_site_page_and_home(login, world, site60):
    season = make_season(world.region)
    team = Team.objects.create(season=season, division="schoolyard", name="Red Robins")
    CoachAssignment.objects.create(team=team, person=world.coach, role="head_coach")
    client = login(world.coach)
    assert reverse("heading:education") in client.get("/heading-the-ball/").content.decode()
    assert reverse("schoolyard:curriculum") in client.get("/school-yard/").content.decode()
    home = client.get(reverse("core:home")).content.decode()
    assert reverse("heading:education") in home and reverse("schoolyard:curriculum") in home
