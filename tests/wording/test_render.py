"""Every Wording the engine gives, rendered in every language: a whole
sentence from the catalogue, no placeholder left, dates and lists in the
reader's language."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.utils import translation

from coachready.rules import Record, evaluate, load_policy
from coachready.rules.english import CODES, contract_text
from coachready.wording.render import SENTENCES, render, text_list

from .samples import samples

POLICY = load_policy("region-60")
SAMPLES = samples(POLICY)
LANGUAGES = ("en", "es", "zh-hans", "zh-hant")
# Sentences that are the policy's own text: they follow the policy's
# translations, not this catalogue's.
POLICY_TEXT_CODES = {"crosscert.licence"}
UNFILLED = re.compile(r"%\(\w+\)|%s|\{\w*\}")


def test_every_code_has_a_sentence_and_a_sample() -> None:
    assert set(SENTENCES) == set(CODES)
    assert {wording.code for _, wording in SAMPLES} == set(CODES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("label", "wording"), SAMPLES, ids=[label for label, _ in SAMPLES])
def test_every_sentence_renders_whole_in_every_language(language, label, wording) -> None:
    with translation.override(language):
        text = render(wording)
    assert text.strip() and not UNFILLED.search(text), text
    assert "None" not in text and "()" not in text and "（）" not in text
    if language != "en" and wording.code not in POLICY_TEXT_CODES:
        with translation.override("en"):
            english = render(wording)
        # The catalogue has this msgid: the sentence is not the English one.
        assert text != english
    # The machine text is made from the same Wording.
    assert contract_text(wording)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Take the 10U Coach course; your 6U Coach, 8U Coach and 12U Coach certificates do not count for 10U."),
    ("es", "Tome el curso Entrenador de 10U; sus certificados de Entrenador de 6U, Entrenador de 8U y Entrenador de "
           "12U no son válidos para 10U."),
    ("zh-hans", "请修读10U 教练课程：您的6U 教练、8U 教练和12U 教练证书不适用于10U。"),
    ("zh-hant", "請修讀10U 教練課程：您的6U 教練、8U 教練和12U 教練證書不適用於10U。"),
])
def test_lists_join_in_the_readers_language(language, expected) -> None:
    wording = dict(SAMPLES)["three courses held"]
    with translation.override(language):
        assert render(wording).startswith(expected)


@pytest.mark.parametrize(("language", "day"), [
    ("en", "October 14, 2026"),
    ("es", "14 de octubre de 2026"),
    ("zh-hans", "2026年10月14日"),
    ("zh-hant", "2026年10月14日"),
])
def test_dates_in_the_readers_format(language, day) -> None:
    with translation.override(language):
        assert day in render(dict(SAMPLES)["lapsed, renewable"])


@pytest.mark.parametrize(("language", "one", "many"), [
    ("en", "headed the ball 1 time", "headed the ball 7 times"),
    ("es", "cabeceó el balón 1 vez", "cabeceó el balón 7 veces"),
])
def test_counts_choose_their_plural(language, one, many) -> None:
    with translation.override(language):
        assert one in render(dict(SAMPLES)["banned player once"])
        assert many in render(dict(SAMPLES)["banned player"])


def test_a_fraction_of_a_minute_reads_in_the_readers_numbers() -> None:
    with translation.override("es"):
        assert "12,5 minutos" in render(dict(SAMPLES)["banned minutes"])


def test_list_patterns() -> None:
    with translation.override("en"):
        assert [text_list(items) for items in ([], ["A"], ["A", "B"], ["A", "B", "C"])] == [
            "", "A", "A and B", "A, B and C",
        ]
    with translation.override("zh-hans"):
        assert text_list(["A", "B", "C"]) == "A、B和C"


def test_engine_verdicts_render_in_the_active_language() -> None:
    verdict = evaluate([Record("safesport", date(2023, 6, 1))], "10U", "head_coach", date(2026, 9, 1), POLICY)
    status = verdict.status_of("safesport")
    with translation.override("es"):
        assert render(status.wording).startswith("Su SafeSport venció el 1 de junio de 2026")
    # The contract's message keeps its machine text.
    assert status.message.startswith("Your SafeSport lapsed on 2026-06-01; renew it (every 3 years).")


def test_none_renders_nothing() -> None:
    assert render(None) == ""
