"""/my/pass/ and the wallet card in Spanish and Chinese."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_rate_counters():
    cache.clear()


@pytest.mark.parametrize(("language", "words"), [
    ("es", ["Mi pase de entrenador", "Válido hasta", "Imprimir una tarjeta de bolsillo"]),
    ("zh-hant", ["我的教練通行證", "有效期至", "列印錢包卡"]),
    ("zh-hans", ["我的教练通行证", "打印钱包卡"]),
])
def test_the_pass_page_speaks_the_readers_language(cleared_coach, login, language, words):
    with translation.override(language):
        html = login(cleared_coach).get(reverse("passes:mine"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for word in words:
        assert word in html, word
    assert "71234567" in html


@pytest.mark.parametrize(("language", "words"), [
    ("es", ["Tarjeta del pase de entrenador", "Pase de entrenador · Región 60"]),
    ("zh-hant", ["教練通行證卡", "教練通行證 · 第 60 分區"]),
])
def test_the_wallet_card_speaks_the_readers_language(cleared_coach, login, language, words):
    with translation.override(language):
        html = login(cleared_coach).get(reverse("passes:card"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for word in words:
        assert word in html, word


def test_a_coach_not_cleared_reads_why_in_spanish(world, login):
    with translation.override("es"):
        html = login(world.coach).get(reverse("passes:mine"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "No autorizado" in html and "Ver mi camino para estar listo" in html
