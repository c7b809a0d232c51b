"""The translation catalogues: compiled by `make install`, checked by `make test`.

Each app keeps its own catalogue (`<app>/locale/<lang>/LC_MESSAGES/django.po`,
the project templates' in `coachready/locale`). They are compiled with Babel
rather than Django's compilemessages so that a machine with only Python can
install the product: compilemessages needs GNU gettext's msgfmt.

    python -m coachready.core.catalogues compile   # write every .mo
    python -m coachready.core.catalogues check     # list what is incomplete
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The languages every catalogue must translate completely (English is the
# source language: its text is the msgid).
REQUIRED = ("es", "zh_Hant", "zh_Hans")
# %(name)s, %s, %d and {name}: a translation must keep exactly the source's.
PLACEHOLDER = re.compile(r"%\([a-z_][a-z0-9_]*\)[sdf]|%[sdf]|\{[a-z_][a-z0-9_]*\}", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    path: Path
    msgid: str
    what: str

    def __str__(self) -> str:
        return f"{self.path.relative_to(PACKAGE_DIR)}: {self.what}: {self.msgid[:80]!r}"


def po_files() -> Iterator[Path]:
    yield from sorted(PACKAGE_DIR.glob("**/locale/*/LC_MESSAGES/*.po"))


def language_of(path: Path) -> str:
    return path.parent.parent.name


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language_of(path), abort_invalid=True)


def compile_all(*, stale_only: bool = False) -> int:
    """Write each catalogue's .mo (only those older than their .po with
    `stale_only`); each is written beside and renamed into place, so a
    process reading it never sees half a file."""
    count = 0
    for path in po_files():
        target = path.with_suffix(".mo")
        if stale_only and target.exists() and target.stat().st_mtime >= path.stat().st_mtime:
            continue
        catalog = read(path)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        with partial.open("wb") as handle:
            # Fuzzy entries are left out, as msgfmt does: `check` refuses them.
            write_mo(handle, catalog, use_fuzzy=False)
        partial.replace(target)
        count += 1
    return count


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems() -> list[Problem]:
    """Untranslated, fuzzy or placeholder-breaking entries in the required
    languages, and a required language an app's catalogue lacks."""
    found: list[Problem] = []
    apps = {path.parents[3] for path in po_files()}
    for app in sorted(apps):
        for language in REQUIRED:
            if not (app / "locale" / language / "LC_MESSAGES" / "django.po").exists():
                found.append(Problem(app / "locale", language, "no catalogue for this language"))
    for path in po_files():
        if language_of(path) not in REQUIRED:
            continue
        catalog = read(path)
        if catalog.fuzzy:
            found.append(Problem(path, "(header)", "fuzzy header"))
        for message in catalog:
            if not message.id:
                continue
            source = message.id if isinstance(message.id, str) else message.id[0]
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                found.append(Problem(path, source, "fuzzy"))
            elif not all(strings):
                found.append(Problem(path, source, "untranslated"))
            else:
                for text in strings:
                    got = set(_placeholders(text))
                    if isinstance(message.id, tuple):
                        # A plural form may leave out the number (Chinese
                        # "明天") or use the plural's names in the singular;
                        # it may only name what the code passes.
                        allowed = {p for form in message.id for p in _placeholders(form) if "(" in p or "{" in p}
                        named = {p for p in got if "(" in p or "{" in p}
                        broken = not named <= allowed
                    else:
                        broken = got != set(_placeholders(source))
                    if broken:
                        found.append(Problem(path, source, f"placeholders differ: {text[:60]!r}"))
                        break
    return found


def disagreements() -> list[Problem]:
    """A message translated one way in one app's catalogue and another way
    in another's. Django merges the catalogues and keeps only one of the
    two, so the other app would show a word its translator did not choose:
    a word with two meanings needs a context (pgettext), and a word with
    one meaning one translation."""
    chosen: dict[tuple[str, str | None, str], dict[str, tuple[Path, str]]] = {}
    for path in po_files():
        language = language_of(path)
        if language not in REQUIRED:
            continue
        for message in read(path):
            if not message.id or message.fuzzy:
                continue
            source = message.id if isinstance(message.id, str) else message.id[0]
            text = message.string if isinstance(message.string, str) else "|".join(message.string)
            chosen.setdefault((language, message.context, source), {})[text] = (path, text)
    found = []
    for (language, _context, source), texts in sorted(chosen.items(), key=lambda item: (item[0][0], item[0][2])):
        if len(texts) > 1:
            where = "; ".join(f"{path.parents[3].name}: {text[:40]!r}" for path, text in texts.values())
            first = next(iter(texts.values()))[0]
            found.append(Problem(first, source, f"{language} differs between catalogues ({where})"))
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "compile"
    if command == "compile":
        print(f"Compiled {compile_all()} translation catalogues.")
        return 0
    if command == "check":
        found = problems() + disagreements()
        for problem in found:
            print(problem)
        return 1 if found else 0
    print("usage: python -m coachready.core.catalogues compile|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
