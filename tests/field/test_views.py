"""The kit's page, worker and manifest, and the JSON it keeps offline: the
policy for everyone, a coach's own teams and plan for that coach only."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from coachready.heading.models import Practice
from coachready.schoolyard.models import SeasonPlan
from coachready.teams.models import CoachAssignment, Team


def test_page_is_public_with_its_manifest_and_no_inline_script(client, world):
    response = client.get(reverse("field:kit"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'rel="manifest"' in html and "/field/manifest.webmanifest" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline script"
    assert " on" + "click=" not in html
    assert "camera=(self)" in response["Permissions-Policy"]
    assert "csrftoken" in response.cookies


def test_other_pages_keep_the_camera_off(client, world):
    assert "camera=()" in client.get(reverse("heading:restart"))["Permissions-Policy"]


def test_page_in_the_readers_language(client, world):
    response = client.get(reverse("field:kit"), HTTP_ACCEPT_LANGUAGE="zh-Hans")
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "现场工具包" in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert '<html lang="es">' in client.get(reverse("field:kit")).content.decode()


def test_service_worker_keeps_the_shell_and_the_lists(client, world):
    response = client.get(reverse("field:sw"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    config = json.loads(re.search(r"const CONFIG = (\{.*\});", response.content.decode()).group(1))
    assert "/field/" in config["shell"] and "/static/field/kit.js" in config["shell"]
    assert set(config["lists"]) == {"/passes/keys.json", "/passes/revoked.json", "/field/policy.json",
                                    "/field/mine.json", "/field/"}
    for path in config["shell"]:
        if path.startswith("/static/"):
            assert finders.find(path.removeprefix("/static/")), path
        else:
            assert client.get(path).status_code == 200, path


def test_manifest(client):
    manifest = client.get(reverse("field:manifest"), HTTP_ACCEPT_LANGUAGE="es").json()
    assert manifest["start_url"] == manifest["scope"] == "/field/"
    assert manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert manifest["lang"] == "es"


def test_policy_is_the_regions_heading_rules(client, world):
    policy = client.get(reverse("field:policy")).json()
    assert policy["policy"] == "region-60"
    assert policy["division_rules"]["10U"]["field"]["goal_area_depth"] == 5.5
    assert policy["heading"]["sanction_max_age"] == 10


def test_mine_is_nothing_for_a_visitor(client):
    response = client.get(reverse("field:mine"))
    assert response.json() == {"signed_in": False}
    assert "private" in response["Cache-Control"]


def test_mine_holds_the_coachs_own_teams_and_plan(client, login, world, team14, rockets):
    today = timezone.localdate()
    Practice.objects.create(team=team14, date=today, heading_minutes=10)
    Practice.objects.create(team=rockets, date=today, heading_minutes=99)
    yard = Team.objects.create(season=team14.season, division="schoolyard", name="Sprouts")
    CoachAssignment.objects.create(team=yard, person=world.coach, role="head_coach")
    SeasonPlan.objects.create(team=yard, owner=world.coach, region=world.region, title="Sprouts fall",
                              start=today - timedelta(days=14), sessions=10)
    login(world.coach)
    mine = client.get(reverse("field:mine")).json()
    assert mine["signed_in"] is True and mine["owner"] == world.coach.user.pk
    assert [t["label"] for t in mine["teams"]] == ["14U Galaxy"]
    galaxy = mine["teams"][0]
    assert [p["name"] for p in galaxy["players"]] == ["Ana", "Bo"]
    assert [s["heading_minutes"] for w in galaxy["weeks"] for s in w["sessions"]] == [10]
    assert "Cy" not in json.dumps(mine) and "99" not in json.dumps(galaxy["weeks"])
    [plan] = mine["schoolyard"]
    assert plan["plan"] == "Sprouts fall" and plan["this_week"] is True
    assert plan["session"]["number"] == 3 and plan["session"]["activities"]


def test_another_coach_sees_only_theirs(client, login, world, team14, rockets):
    login(rockets.assignments.get().person)
    mine = client.get(reverse("field:mine")).json()
    assert [t["label"] for t in mine["teams"]] == ["14U Rockets"]
    assert mine["schoolyard"] == []


def test_coaches_find_the_kit_in_the_menu_and_on_their_pass_page(client, login, world):
    login(world.coach)
    html = client.get(reverse("passes:mine")).content.decode()
    assert html.count('href="/field/"') >= 2  # the menu, and the pass page's own line
    assert "Field kit" in html


def test_visitors_menu_stays_as_it_was(client, world):
    assert 'href="/field/"' not in client.get(reverse("heading:restart")).content.decode()
