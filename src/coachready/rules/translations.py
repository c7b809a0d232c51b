"""Policy and curriculum text in the region's languages.

English is written in the object's own keys; each other language sits beside
it in a `text.<language>` table holding the same keys, so a translator sees
the English and every translation of one object together and a missing one
stands out (see the comment at the top of each profile). The shipped files
must translate every text; a region's override may translate its own
changes or leave them English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .tomlreader import Table

# Django's language codes; English is the text in the object's own keys.
ENGLISH = "en"
LANGUAGES = ("es", "zh-hant", "zh-hans")

# A field's words: a string, or a tuple of strings (coaching points).
Words = str | tuple[str, ...]
Translations = Mapping[str, Mapping[str, Words]]


class Worded:
    """Mix-in for data with English text fields and their translations.

    The class holds `translations`: language -> field -> words.
    """

    __slots__ = ()
    translations: Translations

    def text(self, field: str, language: str) -> str:
        """The `field`'s text in `language`, English where it has none."""
        value = self.translations.get(language, {}).get(field)
        if isinstance(value, str):
            return value
        english = getattr(self, field)
        if not isinstance(english, str):
            raise TypeError(f"{field} is not a text field; use texts()")
        return english

    def texts(self, field: str, language: str) -> tuple[str, ...]:
        """A list field's items (coaching points) in `language`, English where it has none."""
        value = self.translations.get(language, {}).get(field)
        if isinstance(value, tuple):
            return value
        english = getattr(self, field)
        if not isinstance(english, tuple):
            raise TypeError(f"{field} is not a list field; use text()")
        return english


def read_translations(
    entry: Table,
    english: Mapping[str, Words],
    complete: bool,
    derived: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, dict[str, Words]]:
    """The `text` table of `entry`: language -> field -> words.

    `english` holds the object's translatable fields. With `complete` (the
    shipped files) every non-empty English text needs every language.
    `derived` holds words the engine writes itself in each language (the
    renewal period when a profile gives none); the file's own text wins.
    """
    table = entry.table("text", {})
    found: dict[str, dict[str, Words]] = {}
    for language in table.codes():
        if language not in LANGUAGES:
            raise table.fail(language, f"unknown language; use {', '.join(LANGUAGES)}")
        words = table.table(language)
        found[language] = {}
        for field in words.codes():
            if field not in english:
                raise words.fail(field, f"not a text of this entry; translate {', '.join(english)}")
            value = _words(words, field, english[field])
            found[language][field] = value
        words.done()
    for field, by_language in (derived or {}).items():
        for language, value in by_language.items():
            found.setdefault(language, {}).setdefault(field, value)
    if complete:
        for language in LANGUAGES:
            for field, value in english.items():
                if value and field not in found.get(language, {}):
                    raise table.fail(f"{language}.{field}", f"missing translation ({language})")
    return found


def _words(words: Table, field: str, english: Words) -> Words:
    if isinstance(english, tuple):
        items: tuple[str, ...] = words.texts(field)
        if len(items) != len(english):
            raise words.fail(field, f"must have {len(english)} items, like the English")
        if not all(item.strip() for item in items):
            raise words.fail(field, "has an empty item")
        return items
    text: str = words.text(field)
    if not text.strip():
        raise words.fail(field, "is empty; leave it out to show the English")
    return text


def drop_stale_translations(merged: dict[str, Any], overrides: Mapping[str, Any]) -> None:
    """Forget translations of English text an override replaced.

    A region that rewrites `how_to` and translates it into Spanish only must
    not show the shipped Chinese text of the old `how_to`: that language
    falls back to the region's English instead.
    """
    for key, value in overrides.items():
        if key == "text":
            continue
        target = merged.get(key)
        if isinstance(value, Mapping) and isinstance(target, dict):
            drop_stale_translations(target, value)
            continue
        texts = merged.get("text")
        given = overrides.get("text")
        if not isinstance(texts, dict):
            continue
        for language, words in list(texts.items()):
            kept = given.get(language) if isinstance(given, Mapping) else None
            if isinstance(words, dict) and key in words and not (
                isinstance(kept, Mapping) and key in kept
            ):
                texts[language] = {k: v for k, v in words.items() if k != key}


def renewal_words(months: int | None) -> dict[str, str]:
    """How often a requirement is renewed, in English and each language."""
    if months is None:
        return {"en": "one-time", "es": "una sola vez", "zh-hant": "一次性", "zh-hans": "一次性"}
    if months == 12:
        return {"en": "annually", "es": "cada año", "zh-hant": "每年", "zh-hans": "每年"}
    if months % 12 == 0:
        years = months // 12
        return {
            "en": f"every {years} years",
            "es": f"cada {years} años",
            "zh-hant": f"每{years}年",
            "zh-hans": f"每{years}年",
        }
    return {
        "en": f"every {months} months",
        "es": f"cada {months} meses",
        "zh-hant": f"每{months}個月",
        "zh-hans": f"每{months}个月",
    }
