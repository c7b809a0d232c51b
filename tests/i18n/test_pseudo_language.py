"""Every page, rendered in a pseudo-language, shows no text that skipped the
translation machinery.

The pseudo-language (tests/i18n/pseudo.py) rewrites every translatable
message as `⟦Şîĝñ îñ⟧`. Each persona of the demo region walks the pages it
can reach by following links, and every text a reader sees (text, and the
title, aria-label, alt, placeholder and button values) must be bracketed,
or be data: a name, a team, a region, a policy's own text (translated by
the policy files, not by gettext), a page a region's editors wrote.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.utils.html import strip_tags

from coachready.core.demo import load_demo
from coachready.org.models import Person
from tests.factories import pass_second_factor
from tests.i18n import pseudo

pytestmark = pytest.mark.django_db

PERSONAS = ["visitor", "coach", "rca", "rc", "referee", "instructor", "safety", "area", "national"]
SEEDS = ["/", "/app/", "/my/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
SKIP = re.compile(
    r"^/(cms|django-admin|static|media|documents|api|language)/|^/accounts/logout|"
    r"\.(csv|xlsx|ics|pdf|json|xml|txt|svg|png)$|/(export|download|feed|calendar\.ics)"
)
PAGES_PER_PERSONA = 90
SAME_SHAPE = 2  # pages per path shape (ids replaced): enough to see each template
# Names the product writes as their owners do, in every language.
NAMES = {"AYSO", "AYSOU", "CoachReady", "SafeSport", "Safe Haven", "Live Scan", "US Soccer", "CDC",
         "HEADS UP", "QR", "TOTP", "iCal", "Google", "Outlook", "Apple", "CSV", "Excel", "JSON", "PDF", "PNG",
         "JPEG", "XLSX"}
ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}
WORD = re.compile(r"[A-Za-z]{2,}")
MARKED = re.compile(re.escape(pseudo.OPEN) + r".*?" + re.escape(pseudo.CLOSE), re.S)
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|(?<!\S)/\S*")


class Reader(HTMLParser):
    """The texts a reader sees and the links to follow."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"script", "style", "template"}:
            self._hidden += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name in ATTRIBUTES & attributes.keys():
            self.texts.append(attributes[name] or "")
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.texts.append(attributes.get("value") or "")
        if tag == "meta" and attributes.get("name") == "description":
            self.texts.append(attributes.get("content") or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.texts.append(data)


def _leaves(value, found: list[str]) -> None:
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in "[{":
            try:
                _leaves(json.loads(text), found)
                return
            except ValueError:
                pass
        found.append(" ".join(html.unescape(strip_tags(text)).split()))
    elif isinstance(value, dict):
        for item in value.values():
            _leaves(item, found)
    elif isinstance(value, list | tuple):
        for item in value:
            _leaves(item, found)


class Data:
    """Every text stored in the database and in the policy files, and the
    names pages build from them: what a page may show untranslated because
    people, regions' editors or policies wrote it."""

    def __init__(self):
        found: list[str] = [name for _code, name in settings.LANGUAGES]
        for model in apps.get_models():
            fields = [f.attname for f in model._meta.concrete_fields
                      if isinstance(f, models.CharField | models.TextField | models.JSONField)
                      or f.get_internal_type() in {"StreamField", "RichTextField"}]
            if fields:
                for row in model._default_manager.values_list(*fields):
                    _leaves(list(row), found)
        for person in Person.objects.all():
            found += [person.display_name, person.listed_name]
        for path in (pseudo.SRC / "rules").glob("**/*.toml"):
            _leaves(tomllib.loads(path.read_text()), found)
        # The column names an import accepts are the spreadsheets' own words.
        for aliases in _import_aliases():
            found.append(", ".join(aliases))
            found.extend(aliases)
        self.values = {text for text in found if text}
        self.corpus = "\n".join(self.values)
        # Names, titles, addresses: short values, where a few words found
        # whole are data; not page bodies, where any label's words occur.
        self.short = "\n".join(text for text in self.values if len(text) <= 80)

    def holds(self, text: str) -> bool:
        """`text` is data: a whole stored value, a long enough stretch of one
        that it cannot be a label that happens to occur in some text, or
        whole words of a short value (a team, a venue, a week's title)."""
        if text in self.values or (len(text) >= 12 and text in self.corpus):
            return True
        return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", self.short) is not None


def _import_aliases() -> list[tuple[str, ...]]:
    from coachready.imports import columns

    found = []
    for value in vars(columns).values():
        if isinstance(value, dict):
            found.extend(tuple(v) for v in value.values() if isinstance(v, tuple | list) and all(
                isinstance(x, str) for x in v))
    return found


INNERMOST = re.compile(f"{re.escape(pseudo.OPEN)}[^{pseudo.OPEN}{pseudo.CLOSE}]*{re.escape(pseudo.CLOSE)}")
SEPARATORS = re.compile(r"\s*[·|•–—:;()\[\]→]\s*|\s{2,}")


def untouched(text: str, data: Data) -> str | None:
    """The part of `text` a reader sees that no translation touched, if any."""
    rest = text
    while True:  # innermost brackets first: a translated sentence may hold a translated date
        unwrapped = INNERMOST.sub("  ", rest)
        if unwrapped == rest:
            break
        rest = unwrapped
    rest = " ".join(ADDRESS.sub("  ", rest).split(" "))
    if not WORD.search(rest) or data.holds(" ".join(rest.split()).strip(" .")):
        return None
    for piece in SEPARATORS.split(rest):
        piece = piece.strip(" .,!?\"'“”‘’«»")
        if not WORD.search(piece) or data.holds(piece):
            continue
        parts = [part.strip(" .") for part in re.split(r",\s*", piece)]
        if all(not WORD.search(part) or data.holds(part) or part in NAMES for part in parts):
            continue
        if not WORD.search(_without_names(piece)):
            continue
        return piece
    return None


def _without_names(text: str) -> str:
    for name in NAMES:
        text = text.replace(name, " ")
    return text


def shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


@pytest.fixture
def pseudo_language(settings, tmp_path):
    settings.LOCALE_PATHS = [pseudo.build(tmp_path), *settings.LOCALE_PATHS]
    settings.LANGUAGES = [*settings.LANGUAGES, (pseudo.CODE, "Pseudo")]
    settings.ALLOWED_HOSTS = ["*"]
    # Its pages are not for the HTML checker: the pseudo-language's tag is
    # no language a document may declare.
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "html_capture" not in name]
    return pseudo.CODE


def test_every_page_is_translated_in_the_pseudo_language(pseudo_language):
    demo = load_demo(volunteers=20)
    call_command("create-region-site", region=60, hostname="testserver", port=80, default=True)
    data = Data()
    failures: dict[str, set[str]] = {}
    for persona in PERSONAS:
        client = Client(raise_request_exception=False)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = pseudo_language
        if persona != "visitor":
            person = demo.personas[persona]
            client.force_login(person.user)
            pass_second_factor(client, person.user)
        queue = deque(SEEDS)
        seen: set[str] = set()
        shapes: dict[str, int] = {}
        visited = 0
        while queue and visited < PAGES_PER_PERSONA:
            path = queue.popleft()
            if path in seen or SKIP.search(path) or shapes.get(shape(path), 0) >= SAME_SHAPE:
                continue
            seen.add(path)
            shapes[shape(path)] = shapes.get(shape(path), 0) + 1
            response = client.get(path)
            if response.streaming:
                # A certificate file or an export: read to the end, and the
                # test client closes the file it serves. (Closing the response
                # would signal the request's end and close the test's
                # database connection.)
                b"".join(response.streaming_content)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            visited += 1
            reader = Reader()
            reader.feed(response.content.decode())
            for text in reader.texts:
                found = untouched(text, data)
                if found:
                    failures.setdefault(found, set()).add(f"{persona} {path}")
            for link in reader.links:
                parts = urlsplit(link)
                if not parts.netloc and parts.path.startswith("/"):
                    queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    report = "\n".join(f"{text!r}  on {', '.join(sorted(where)[:3])}" for text, where in sorted(failures.items()))
    assert not failures, f"{len(failures)} texts outside the translation machinery:\n{report}"
