"""Policy and curriculum words on the pages, in the reader's language."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from coachready.core.policy_words import local, local_title, policy_language
from coachready.rules import load_curriculum, load_policy
from tests.factories import certify


@pytest.mark.parametrize(
    "django_language, policy_words",
    [
        ("en", "en"), ("en-us", "en"), ("fr", "en"),
        ("es", "es"), ("es-419", "es"), ("es-MX", "es"),
        ("zh-hant", "zh-hant"), ("zh-tw", "zh-hant"), ("zh-hk", "zh-hant"), ("zh-Hant-TW", "zh-hant"),
        ("zh-hans", "zh-hans"), ("zh-cn", "zh-hans"), ("zh-sg", "zh-hans"), ("zh", "zh-hans"),
    ],
)
def test_each_django_language_reads_one_of_the_policy_languages(django_language, policy_words):
    assert policy_language(django_language) == policy_words
    with translation.override(django_language):
        assert policy_language() == policy_words


TITLES = {
    "en": ("Background Check", "Head Coach", "Hello, ball!"),
    "es": ("Verificación de antecedentes", "Entrenador principal", "¡Hola, balón!"),
    "zh-hant": ("背景調查", "主教練", "你好，足球！"),
    "zh-hans": ("背景调查", "主教练", "你好，足球！"),
}


@pytest.mark.parametrize("language", TITLES)
def test_the_filters_give_the_active_languages_words(language):
    policy = load_policy("region-60")
    template = Template(
        '{% load policy_words %}{{ spec|local:"title" }}|{{ role|local:"title" }}|{{ week|local:"title" }}|'
        '{{ policy|local_title:"background_check" }}'
    )
    context = Context({"spec": policy.requirements["background_check"], "role": policy.roles["head_coach"],
                       "week": load_curriculum().week(1), "policy": policy})
    with translation.override(language):
        assert template.render(context).split("|") == [*TITLES[language], TITLES[language][0]]
        assert local_title(policy, "background_check") == TITLES[language][0]


def test_words_from_anything_else_are_passed_through():
    row = type("Row", (), {"title": "Coach course for the division you coach"})()
    assert local(row, "title") == "Coach course for the division you coach"
    assert Template('{% load policy_words %}{{ row|local:"title" }}|{{ "x"|local_title:"safe_haven" }}').render(
        Context({"row": row})
    ) == "Coach course for the division you coach|safe_haven"


@pytest.mark.parametrize(
    "language, words",
    [
        ("es", ["¡Hola, balón!", "Sigue a tu adulto", "Mira hacia adelante para ver adónde vas."]),
        ("zh-hant", ["你好，足球！", "跟著大人走", "抬起頭，看清楚要去哪裡。"]),
        ("zh-hans", ["你好，足球！", "跟着大人走", "抬起头，看清楚要去哪里。"]),
    ],
)
def test_a_school_yard_week_in_the_readers_language(language, words):
    with translation.override(language):
        html = render_to_string("schoolyard/_week.html", {"week": load_curriculum().week(1)})
    for text in words:
        assert text in html
    assert "Follow my grown-up" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, header, title, how_often",
    [
        ("es", "es", "Verificación de antecedentes", "cada 3 años"),
        ("zh-hant", "zh-Hant", "背景調查", "每3年"),
        ("zh-hans", "zh-Hans", "背景调查", "每3年"),
    ],
)
def test_the_checklist_shows_requirement_titles_in_the_readers_language(
    login, world, language, header, title, how_often
):
    certify(world.coach, [("safesport", date(2019, 1, 1), {})])
    client = login(world.coach)
    with translation.override(language):
        body = client.get(
            reverse("certs:checklist"), {"division": "10U"}, HTTP_ACCEPT_LANGUAGE=header
        ).content.decode()
    assert title in body
    assert how_often in body
    assert ">Background Check<" not in body


@pytest.mark.django_db
def test_the_api_stays_english(client):
    request = {"as_of": "2026-09-01", "division": "10U", "records": []}
    with translation.override("zh-hant"):
        response = client.post(
            "/api/v1/eligibility", json.dumps(request), content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-Hant"
        )
    titles = [r["title"] for r in response.json()["requirements"]]
    assert "Background Check" in titles and "Sudden Cardiac Arrest" in titles
