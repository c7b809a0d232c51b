"""The heading pages in the reader's language: the words around the rules
engine's own messages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

HEADERS = {"es": "es", "zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}


def _get(client, url, language, **params):
    with translation.override(language):
        return client.get(url, params, HTTP_ACCEPT_LANGUAGE=HEADERS[language]).content.decode()


@pytest.mark.parametrize(("language", "words"), [
    ("es", ["Cabecear el balón", "En los partidos", "Tiro libre indirecto"]),
    ("zh-hant", ["頭球", "比賽時", "間接自由球"]),
    ("zh-hans", ["头球", "比赛时", "间接任意球"]),
])
def test_the_heading_lessons_in_the_readers_language(client, world, language, words):
    page = _get(client, reverse("heading:education"), language)
    for word in words:
        assert word in page
    assert "In games" not in page and "Worked examples" not in page


@pytest.mark.parametrize(("language", "headline", "taker"), [
    ("es", "Tiro libre indirecto a favor del equipo visitante", "El equipo visitante"),
    ("zh-hant", "判給客隊間接自由球", "客隊"),
    ("zh-hans", "判给客队间接任意球", "客队"),
])
def test_the_restart_tool_rules_in_the_readers_language(client, world, language, headline, taker):
    page = _get(client, reverse("heading:restart"), language, division="10U", offending_team="home",
                deliberate="yes", x="3", y="23", go="1")
    assert headline in page and taker in page
    assert "Who takes it" not in page


def test_the_field_drawing_names_its_goals_in_the_readers_language(client, world):
    svg = _get(client, reverse("heading:field_svg", args=["10U"]), "zh-hans")
    assert "主队球门" in svg and "Home goal" not in svg
