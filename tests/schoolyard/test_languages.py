"""School Yard's pages in the reader's language; the curriculum's own texts
come from the policy and are not this app's to translate."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tests.schoolyard.test_plans import plan, sy_team  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

HEADERS = {"es": "es", "zh-hant": "zh-Hant", "zh-hans": "zh-Hans"}


def _get(client, url, language):
    with translation.override(language):
        return client.get(url, HTTP_ACCEPT_LANGUAGE=HEADERS[language]).content.decode()


@pytest.mark.parametrize(("language", "words"), [
    ("es", ["Imprimir las diez semanas", "Habilidades"]),
    ("zh-hant", ["列印全部十週", "技能"]),
    ("zh-hans", ["打印全部十周", "技能"]),
])
def test_the_curriculum_page_speaks_the_readers_language(client, world, language, words):
    page = _get(client, reverse("schoolyard:curriculum"), language)
    for word in words:
        assert word in page
    assert "Print all ten weeks" not in page


@pytest.mark.parametrize(("language", "words"), [
    ("es", ["Plan para imprimir", "12 sesiones desde el 12 de septiembre de 2026", "No hay sesión el 31 Oct."]),
    ("zh-hans", ["可打印的计划", "从2026年9月12日起共 12 次课", "10月31日 不上课。", "教练：Casey Coach。"]),
])
def test_a_plan_in_the_readers_language_with_dates_as_it_writes_them(client, plan, language, words):  # noqa: F811
    page = _get(client, reverse("schoolyard:plan", args=[plan.pk]), language)
    for word in words:
        assert word in page
    assert "Printable plan" not in page
