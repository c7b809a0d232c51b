"""How a person's name is shown and sorted: one place decides (DOMAIN.md §8).

A name written in Han characters (or Hangul or kana) is shown family name
first without a space (王伟 for family 王, given 伟); any other name is
shown given name first ("Marisol Alvarez"). Lists put the family name first
("Alvarez, Marisol"; 王伟 stays 王伟). The preferred name, when given,
stands in for the given name.

Sorting follows the reader's language where the database can (see
`name_order`); comparing names for search and matching is
`coachready.org.search.fold_name`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from django.db import connection
from django.db.models import F, OrderBy
from django.db.models.functions import Collate
from django.utils.translation import get_language

from coachready.org.search import fold_name

# Scripts written family name first without a space between the names.
_EASTERN_SCRIPTS = ("CJK ", "HANGUL ", "HIRAGANA ", "KATAKANA ", "IDEOGRAPHIC ")


@lru_cache(maxsize=4096)
def _written_eastern(text: str) -> bool:
    """Is every letter of `text` Han, Hangul or kana (and there is one)?"""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith(_EASTERN_SCRIPTS) for c in letters)


def full_name(first: str, last: str, preferred: str = "", *, listed: bool = False) -> str:
    """A person's name as written: "Marisol Alvarez", 王伟. `listed`: as a
    list sorted by family name shows it ("Alvarez, Marisol"; 王伟)."""
    given, family = (preferred or first or "").strip(), (last or "").strip()
    if _written_eastern(given) and _written_eastern(family):
        return f"{family}{given}"
    if listed and given and family:
        return f"{family}, {given}"
    return f"{given} {family}".strip()


# PostgreSQL's ICU collations (PostgreSQL built with ICU, as every supported
# packaging is) for the product's languages; any other language sorts by the
# root collation, which already puts accented letters with their base letter.
_ICU_COLLATIONS = {"en": "en-x-icu", "es": "es-x-icu", "zh-hant": "zh-Hant-x-icu", "zh-hans": "zh-Hans-x-icu"}
_ICU_ROOT = "und-x-icu"

# The collation registered on every SQLite connection (coachready.org.apps):
# SQLite has no ICU, so names compare by their search folding (accents
# dropped for Latin letters, case ignored, full-width forms made plain; Han
# characters by code point), then as written so that equal keys stay stable.
SQLITE_COLLATION = "coachready_name"


def collation_for(language: str | None) -> str | None:
    """The collation names are sorted with for readers of `language` on this
    database, or None where the database has none to offer."""
    if connection.vendor == "postgresql":
        code = (language or "").lower()
        return _ICU_COLLATIONS.get(code) or _ICU_COLLATIONS.get(code.split("-")[0]) or _ICU_ROOT
    if connection.vendor == "sqlite":
        return SQLITE_COLLATION
    return None


def name_order(prefix: str = "", *, language: str | None = None) -> list[OrderBy]:
    """`order_by()` terms listing people by family name then given name in
    the reader's language (`language`, by default the active one). `prefix`
    is the path to the person, e.g. "person__"."""
    collation = collation_for(language if language is not None else get_language())
    terms = []
    for field in ("last_name", "first_name"):
        expression = F(f"{prefix}{field}")
        terms.append((Collate(expression, collation) if collation else expression).asc())
    return terms


@lru_cache(maxsize=65536)
def _sqlite_key(text: str) -> tuple[str, str]:
    return fold_name(text), text


def sqlite_compare(a: str | None, b: str | None) -> int:
    """SQLite's `coachready_name` collation: folded names first, then as written."""
    left, right = _sqlite_key(a or ""), _sqlite_key(b or "")
    return (left > right) - (left < right)


def register_sqlite_collation(sender, connection, **kwargs) -> None:  # noqa: ANN001
    """`connection_created` receiver: SQLite connections learn the collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, sqlite_compare)
