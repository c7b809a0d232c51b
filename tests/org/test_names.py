"""Names as people write them: the order of a shown name, and lists sorted
by name in the reader's language (ICU collations on PostgreSQL, the search's
folding on SQLite)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from coachready.certs.services.readiness import season_rows
from coachready.imports import exporting
from coachready.org.models import Person
from coachready.org.names import collation_for, full_name, name_order
from coachready.teams.models import CoachAssignment, Team
from tests.certs.conftest import make_season
from tests.factories import make_person


@pytest.mark.parametrize(("first", "last", "preferred", "shown", "listed"), [
    ("Marisol", "Alvarez", "", "Marisol Alvarez", "Alvarez, Marisol"),
    ("José", "Núñez", "Pepe", "Pepe Núñez", "Núñez, Pepe"),
    ("Thị Thảo", "Nguyễn", "", "Thị Thảo Nguyễn", "Nguyễn, Thị Thảo"),
    ("伟", "王", "", "王伟", "王伟"),
    ("娜", "李", "", "李娜", "李娜"),
    ("建華", "陳", "", "陳建華", "陳建華"),
    ("민준", "김", "", "김민준", "김민준"),            # Hangul
    ("ひろし", "山田", "", "山田ひろし", "山田ひろし"),  # Han family, kana given
    ("伟", "王", "David", "David 王", "王, David"),    # a Latin preferred name reads given name first
    ("David", "王", "", "David 王", "王, David"),
    ("Wei", "Wang", "", "Wei Wang", "Wang, Wei"),
    (" 伟 ", " 王 ", "", "王伟", "王伟"),
    ("Marisol", "", "", "Marisol", "Marisol"),
    ("", "王", "", "王", "王"),
    ("", "", "", "", ""),
])
def test_full_name(first, last, preferred, shown, listed):
    assert full_name(first, last, preferred) == shown
    assert full_name(first, last, preferred, listed=True) == listed


@pytest.mark.django_db
def test_a_person_shows_their_name_in_its_own_order(world):
    wang = make_person(world.region, "伟", "王", user=False)
    nunez = make_person(world.region, "José", "Núñez", user=False, preferred_name="Pepe")
    assert (wang.display_name, wang.listed_name, str(wang)) == ("王伟", "王伟", "王伟")
    assert (nunez.display_name, nunez.listed_name) == ("Pepe Núñez", "Núñez, Pepe")


SURNAMES = ["Muñoz", "Munuera", "Ábrego", "Abad", "Acosta", "王", "李", "陈", "Nguyễn", "Ngo", "Ｚhang", "Zamora"]
# SQLite: folded names by code point whatever the language (the stated
# fallback), so accents sort with their base letter and Han after Latin.
FOLDED = ["Abad", "Ábrego", "Acosta", "Muñoz", "Munuera", "Ngo", "Nguyễn", "Zamora", "Ｚhang", "李", "王", "陈"]
# PostgreSQL: ICU. Spanish puts ñ after n; Chinese sorts Han first, by
# pinyin (Simplified) or by strokes (Traditional).
ICU = {
    "en": FOLDED,
    "en-us": FOLDED,
    "es": ["Abad", "Ábrego", "Acosta", "Munuera", "Muñoz", "Ngo", "Nguyễn", "Zamora", "Ｚhang", "李", "王", "陈"],
    "zh-hans": ["陈", "李", "王", "Abad", "Ábrego", "Acosta", "Muñoz", "Munuera", "Ngo", "Nguyễn", "Zamora", "Ｚhang"],
    "zh-hant": ["王", "李", "陈", "Abad", "Ábrego", "Acosta", "Muñoz", "Munuera", "Ngo", "Nguyễn", "Zamora", "Ｚhang"],
    "fr": FOLDED,  # not a product language: the root collation
}


@pytest.fixture
def surnamed(world):
    return [make_person(world.region, "Ana", last, user=False).pk for last in SURNAMES]


@pytest.mark.django_db
@pytest.mark.parametrize("language", list(ICU))
def test_people_sort_by_name_in_the_readers_language(surnamed, language):
    people = Person.objects.filter(pk__in=surnamed)
    expected = ICU[language] if connection.vendor == "postgresql" else FOLDED
    assert list(people.order_by(*name_order(language=language)).values_list("last_name", flat=True)) == expected
    with translation.override(language):
        assert list(people.order_by(*name_order()).values_list("last_name", flat=True)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "collation"), [
    ("en", "en-x-icu"), ("en-us", "en-x-icu"), ("es", "es-x-icu"), ("zh-hant", "zh-Hant-x-icu"),
    ("zh-hans", "zh-Hans-x-icu"), ("fr", "und-x-icu"), (None, "und-x-icu"),
])
def test_collation_for_each_language(language, collation):
    expected = collation if connection.vendor == "postgresql" else "coachready_name"
    assert collation_for(language) == expected


@pytest.mark.django_db
def test_given_names_break_ties_with_accents_beside_their_base_letter(world):
    pks = [make_person(world.region, first, "Núñez", user=False).pk for first in ("Luis", "Ángel", "Beto", "alma")]
    ordered = Person.objects.filter(pk__in=pks).order_by(*name_order(language="en"))
    assert [p.first_name for p in ordered] == ["alma", "Ángel", "Beto", "Luis"]


def _surnames_on_page(html: str) -> list[str]:
    return sorted((name for name in SURNAMES if f"{name}, Ana" in html), key=lambda name: html.index(f"{name}, Ana"))


@pytest.mark.django_db
def test_the_people_page_lists_by_name_and_writes_han_names_family_first(world, login, surnamed):
    make_person(world.region, "伟", "王", user=False)
    html = login(world.rca).get(reverse("org:people", args=[60]), {"q": "Ana"}).content.decode()
    assert _surnames_on_page(html) == FOLDED  # English: the same order on either database
    page = login(world.rca).get(reverse("org:people", args=[60]), {"q": "王"}).content.decode()
    assert "王伟" in page and "王, 伟" not in page


@pytest.mark.django_db
def test_dashboard_rows_and_exports_follow_the_same_order(world, surnamed):
    season = make_season(world.region)
    team = Team.objects.create(season=season, division="10U", name="Blue Hawks")
    for pk in surnamed:
        CoachAssignment.objects.create(team=team, person_id=pk, role="assistant_coach")
    expected = ICU["es"] if connection.vendor == "postgresql" else FOLDED
    with translation.override("es"):
        rows = [row.last_name for row in season_rows(season, season.starts_on) if row.person_id in surnamed]
        exported = [row[1] for row in exporting.volunteer_rows([world.region], today=season.starts_on)
                    if row[1] in SURNAMES]
    assert rows == expected and exported == expected


@pytest.mark.django_db
def test_the_dashboard_keeps_its_sorted_rows_apart_for_each_language(world):
    from coachready.certs.services.dashboard import DashboardCache

    keys = set()
    for language in ("en", "es", "zh-hant", "zh-hans"):
        with translation.override(language):
            keys.add(DashboardCache(world.region, date.today()).base)
    assert len(keys) == 4
