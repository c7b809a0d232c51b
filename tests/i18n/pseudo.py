"""A pseudo-language: every message the product (and Django, allauth and
Wagtail) can translate, rewritten so it is still readable but unmistakably
translated — `Sign in` becomes `⟦Şîĝñ îñ⟧`. A page rendered in it shows any
text that did not pass through the translation machinery as plain letters
outside the brackets.
"""

from __future__ import annotations

import re
from pathlib import Path

import django
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CODE = "qps-ploc"  # the pseudo-locale code Windows uses
OPEN, CLOSE = "⟦", "⟧"
SRC = Path(__file__).resolve().parents[2] / "src" / "coachready"

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđêƒĝĥîĵķļɱñöþǫŕşţûṽŵẋýžÅßÇĐÊƑĜĤÎĴĶĻṀÑÖÞǪŔŞŢÛṼŴẊÝŽ",
)
# Kept as written: placeholders, HTML tags and entities, and URLs.
_KEEP = re.compile(
    r"(%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdfrix]|%[sdfrix%]|\{[A-Za-z_][A-Za-z0-9_]*\}|<[^>]*>|&[A-Za-z#0-9]+;|https?://\S+)"
)


def pseudo(text: str) -> str:
    if not text:
        return text
    parts = _KEEP.split(text)
    changed = "".join(part if index % 2 else part.translate(_ACCENTED) for index, part in enumerate(parts))
    # Keep leading/trailing whitespace outside the brackets.
    stripped = changed.strip()
    if not stripped:
        return changed
    start = changed.index(stripped[0])
    return f"{changed[:start]}{OPEN}{stripped}{CLOSE}{changed[start + len(stripped):]}"


def _sources() -> list[Path]:
    """Every Spanish catalogue the product loads: its own and its
    libraries' (their msgids are the English texts they can translate)."""
    import allauth
    import wagtail

    roots = [SRC, Path(django.__file__).parent, Path(allauth.__file__).parent, Path(wagtail.__file__).parent]
    found = []
    for root in roots:
        found.extend(root.glob("**/locale/es/LC_MESSAGES/django.po"))
    return found


def build(directory: Path) -> Path:
    """Write the pseudo-language's catalogue under `directory` (to be put
    first in LOCALE_PATHS) and return `directory`."""
    catalog = Catalog(locale=None, fuzzy=False)
    catalog.plural_forms  # noqa: B018 - the default, nplurals=2; plural=(n != 1)
    seen: set[tuple[object, str | None]] = set()
    for path in _sources():
        with path.open("rb") as handle:
            source = read_po(handle, locale="es")
        for message in source:
            if not message.id or (message.id, message.context) in seen:
                continue
            seen.add((message.id, message.context))
            if isinstance(message.id, tuple | list):
                string: object = tuple(pseudo(text) for text in message.id[:2])
            else:
                string = pseudo(message.id)
            catalog.add(message.id, string, context=message.context, flags=message.flags - {"fuzzy"})
    from django.utils.translation import to_locale

    target = directory / to_locale(CODE) / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with (target / "django.mo").open("wb") as handle:
        write_mo(handle, catalog)
    return directory
