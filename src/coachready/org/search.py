"""Finding volunteers by what an administrator types: one search for the
people page, the readiness dashboard and the team pages.

A person's name, preferred name, volunteer id and email are folded once into
`Person.search_key` (kept up to date on save and on bulk writes); a query is
folded the same way and split into words, and a person matches when every
word occurs in their key. So "Monica Morales", "Morales, Monica", "morales",
"Nunez" for Núñez and a volunteer id all find the same row, with the same
plain LIKE on SQLite and PostgreSQL.

Folding follows DOMAIN.md section 8: accents are dropped for Latin letters
only; Han characters stay as written (王伟 is never folded to nothing, and
never equal to 李娜).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from django.db.models import Q, QuerySet

# The longest query we look at; longer input is cut, not refused.
MAX_QUERY = 100
SEARCH_KEY_LENGTH = 400

# Latin letters with a stroke or a dotless form have no decomposition, so
# removing combining marks does not reach them; Vietnamese đ is common here.
_LATIN_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ı": "i", "ħ": "h", "ŧ": "t"})


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN ")


def fold_name(text: str) -> str:
    """`text` as compared by search: NFKC (full-width letters become plain),
    case-folded, combining marks removed from Latin letters only, spaces
    collapsed. Han, Hangul and other scripts keep every character."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    kept: list[str] = []
    after_latin = False
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Mn":
            if not after_latin:
                kept.append(char)
            continue
        after_latin = _is_latin(char)
        kept.append(char)
    folded = unicodedata.normalize("NFC", "".join(kept)).translate(_LATIN_WITHOUT_DECOMPOSITION)
    return " ".join(folded.split())


def search_key(first_name: str, last_name: str, preferred_name: str = "", volunteer_id: str | None = "",
               email: str = "") -> str:
    """The stored search key of one person.

    Family name and given name are also kept joined without a space, the
    way names in Han characters are written (王伟 for 王 + 伟).
    """
    parts = [first_name, last_name, preferred_name, f"{last_name}{first_name}", volunteer_id or "", email]
    return fold_name(" ".join(p for p in parts if p))[:SEARCH_KEY_LENGTH]


def query_words(query: str) -> list[str]:
    """The folded words of a query; "Last, First" is the same words as
    "First Last", since every word must match anyway."""
    return fold_name((query or "")[:MAX_QUERY].replace(",", " ")).split()


def matching(words: Iterable[str], field: str = "search_key") -> Q:
    """A filter matching rows whose `field` (a search key) holds every word."""
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return condition


def search_people(people: QuerySet, query: str, *, field: str = "search_key") -> QuerySet:
    """`people` narrowed to those matching `query` (all of them when the
    query has no words). `field` is the path to the key from the queryset's
    model, e.g. "person__search_key" for coach assignments."""
    words = query_words(query)
    if not words:
        return people
    return people.filter(matching(words, field))


def matching_ids(query: str, candidates: Iterable[int]) -> set[int]:
    """The ids among `candidates` (person ids) of people matching `query`.

    For pages that hold their rows in memory (the readiness dashboard): the
    match is still made on the stored key, in chunks of ids.
    """
    from coachready.org.models import Person

    ids = sorted(set(candidates))
    words = query_words(query)
    if not words:
        return set(ids)
    found: set[int] = set()
    for start in range(0, len(ids), 1000):
        chunk = Person.objects.filter(matching(words), pk__in=ids[start:start + 1000])
        found.update(chunk.values_list("pk", flat=True))
    return found
