"""One search for volunteers: folding names, the stored key, and the people
page, readiness dashboard and team page that use it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coachready.org.models import Person
from coachready.org.search import fold_name, query_words, search_key
from coachready.teams.models import CoachAssignment, Team
from tests.certs.conftest import make_season
from tests.factories import make_person


@pytest.mark.parametrize(("written", "folded"), [
    ("Monica Morales", "monica morales"),
    ("Núñez", "nunez"),
    ("NÚÑEZ", "nunez"),
    ("Nguyễn", "nguyen"),
    ("Đặng", "dang"),
    ("José  María", "jose maria"),
    ("Ｍｏｎｉｃａ", "monica"),          # full-width forms
    ("Straße", "strasse"),
    ("O'Brien", "o'brien"),
    ("王伟", "王伟"),                    # Han kept as written
    ("李娜", "李娜"),
    ("陳建華", "陳建華"),                  # Traditional stays Traditional
    ("김민준", "김민준"),                  # Hangul syllables survive decomposition
    ("", ""),
])
def test_fold_name(written, folded):
    assert fold_name(written) == folded


@pytest.mark.parametrize("name", ["王伟", "李娜", "陈建华"])
def test_han_names_are_never_folded_to_nothing(name):
    assert fold_name(name) == name
    assert search_key(name[1:], name[0]) != ""


def test_han_names_stay_distinct():
    keys = {search_key("伟", "王"), search_key("娜", "李"), search_key("建华", "陈")}
    assert len(keys) == 3


@pytest.mark.parametrize(("query", "words"), [
    ("Monica Morales", ["monica", "morales"]),
    ("Morales, Monica", ["morales", "monica"]),
    ("  morales ,monica ", ["morales", "monica"]),
    ("", []),
    (",", []),
    ("x" * 500, ["x" * 100]),
])
def test_query_words(query, words):
    assert query_words(query) == words


@pytest.fixture
def volunteers(world):
    region = world.region
    return {
        "monica": make_person(region, "Monica", "Morales", user=False, volunteer_id="60012345",
                              email="mmorales@example.org"),
        "jose": make_person(region, "José", "Núñez", user=False, preferred_name="Pepe"),
        "thu": make_person(region, "Thu", "Nguyễn", user=False),
        "wang": make_person(region, "伟", "王", user=False),
        "li": make_person(region, "娜", "李", user=False),
        "chen": make_person(region, "建华", "陈", user=False),
        "mario": make_person(region, "Mario", "Moralez", user=False),
        "outsider": make_person(world.other_region, "Monica", "Morales", user=False),
    }


SEARCHES = [
    ("Monica Morales", {"monica"}),
    ("Morales, Monica", {"monica"}),
    ("morales", {"monica"}),
    ("MORALES", {"monica"}),
    ("Moral", {"monica", "mario"}),
    ("60012345", {"monica"}),
    ("mmorales@example.org", {"monica"}),
    ("Nunez", {"jose"}),
    ("Núñez, José", {"jose"}),
    ("Jose Nunez", {"jose"}),
    ("Pepe", {"jose"}),
    ("Pepe Núñez", {"jose"}),
    ("Nguyen", {"thu"}),
    ("Thu Nguyen", {"thu"}),
    ("王伟", {"wang"}),
    ("李娜", {"li"}),
    ("陈建华", {"chen"}),
    ("王", {"wang"}),
    ("Nobody Here", set()),
]


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_people_page_search(world, login, volunteers, query, expected):
    response = login(world.rca).get(reverse("org:people", args=[60]), {"q": query})
    assert response.status_code == 200
    found = {p.pk for p in response.context["page"]}
    assert found == {volunteers[name].pk for name in expected}


@pytest.mark.parametrize(("query", "expected"), [q for q in SEARCHES if q[0] in (
    "Monica Morales", "Morales, Monica", "morales", "Nunez", "Pepe", "王伟", "60012345")])
def test_dashboard_search(world, login, volunteers, query, expected):
    season = make_season(world.region)
    for name, person in volunteers.items():
        if name != "outsider":
            team = Team.objects.create(season=season, division="10U", name=f"Team {name}")
            CoachAssignment.objects.create(team=team, person=person, role="head_coach")
    response = login(world.rca).get(reverse("certs:readiness", args=[60]), {"q": query})
    assert response.status_code == 200
    assert {row.person_id for row in response.context["page"]} == {volunteers[name].pk for name in expected}


def test_team_page_search_finds_full_name(world, login, volunteers):
    season = make_season(world.region)
    team = Team.objects.create(season=season, division="10U", name="Blue Hawks")
    response = login(world.rca).get(reverse("teams:team", args=[60, team.pk]), {"q": "Morales, Monica"})
    assert [p.pk for p in response.context["matches"]] == [volunteers["monica"].pk]


def test_search_key_follows_every_write(world):
    person = make_person(world.region, "Ana", "Lopez", user=False)
    assert "lopez" in person.search_key
    person.last_name = "López-Núñez"
    person.save(update_fields=["last_name"])
    assert "lopez-nunez" in Person.objects.get(pk=person.pk).search_key
    person.first_name = "Anabel"
    Person.objects.bulk_update([person], ["first_name"])
    assert "anabel" in Person.objects.get(pk=person.pk).search_key
    [created] = Person.objects.bulk_create([Person(first_name="Bảo", last_name="Trần", home_region=world.region)])
    assert Person.objects.get(pk=created.pk).search_key.startswith("bao tran")


@pytest.mark.django_db
def test_the_synthetic_generator_fills_the_search_key():
    from coachready.core.synthetic import seed_national

    seed_national(volunteers=6, regions=1, seed=3)
    for person in Person.objects.all():
        assert person.search_key == search_key(person.first_name, person.last_name, person.preferred_name,
                                               person.volunteer_id, person.email) != ""


@pytest.mark.parametrize(("written", "key"), [
    ("Núñez-O'Brien", "nunezobrien"),
    ("Nguyễn Thị", "nguyenthi"),
    ("王伟", "王伟"),
    ("李娜", "李娜"),
    ("陈 建华", "陈建华"),
])
def test_the_importers_name_key_folds_as_search_does(written, key):
    from coachready.imports.matching import name_key

    assert name_key(written) == key
