"""Every URL, as every kind of visitor, with hostile input: never a server error.

The crawl walks Django's URL resolver (the product's pages, the HTTP API, the
CMS, the Django admin and the demo region's website), fills each path
parameter with the id of a real demo object and with hostile values, and
sends query strings and form bodies made of quotes, NUL characters, huge
numbers, far dates, very long text, wrong types and repeated keys. Each
persona is tried: an anonymous visitor, a coach, another region's
administrator and the region's administrator. Bad input must be answered
with a 4xx, a redirect or a form error; every 5xx is collected and reported
at once.

Hostile values are sampled per request (rotating through the tables below)
rather than multiplied out, so the crawl stays well under a minute.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from wagtail.models import Page

from coachready.core.demo import load_demo
from tests.factories import pass_second_factor

SRC = Path(__file__).resolve().parents[1] / "src" / "coachready"

HOSTILE_TEXT = ['"', 'a"b', "'", "\x00", "a\x00b", "%", "\\", "<script>", "' OR 1=1 --", "é\u202e"]
HOSTILE_NUMBERS = ["9" * 30, "-1", "0", "1e309", "NaN", "-" + "9" * 25, "1.5", "0x10"]
HOSTILE_DATES = ["9999-12-31", "9999-12-25", "0001-01-01", "2026-02-30", "99999-01-01", "1899-12-31", "2026-13-01"]
HOSTILE_OTHER = ["x" * 5000, "[]", "{}", "true", "", " ", "null"]
HOSTILE_VALUES = HOSTILE_TEXT + HOSTILE_NUMBERS + HOSTILE_DATES + HOSTILE_OTHER
HOSTILE_PATH = ["9" * 30, "0"]
HOSTILE_PATH_TEXT = ['a"b', "a%00b", "9" * 30, "x" * 300, "..%2f..%2fetc"]

# Which demo object a path id names, from the path segment before it.
MODEL_BY_SEGMENT = {
    "people": "org.Person", "roles": "org.RoleAssignment", "records": "certs.CertificationRecord",
    "verify": "certs.CertificationRecord", "seasons": "teams.Season", "teams": "teams.Team",
    "assignments": "teams.CoachAssignment", "events": "training.Event", "training": "training.Event",
    "roster": "training.Enrollment", "crosscert": "crosscert.Application", "practices": "heading.Practice",
    "players": "heading.Player", "plans": "schoolyard.SeasonPlan", "mail": "notify.OutboundEmail",
    "import": "imports.ImportBatch", "inbox": "site.ContactMessage", "interest": "site.InterestNote",
    "pages": "wagtailcore.Page", "documents": "wagtaildocs.Document", "images": "wagtailimages.Image",
    "users": "org.User", "groups": "auth.Group",
}
SMALL_NUMBERS = {"n": "3", "week": "2", "number": "60"}
TEXT_VALUES = {"division": "10U", "name": "volunteers", "fmt": "csv", "filename": "volunteers.csv",
               "token": "not-a-token", "app_label": "org", "model_name": "person"}

# Wagtail's own: a page that fails on purpose so an administrator can see
# the error page, and an image chooser that reads its id from a string.
NOT_OURS = ("/cms/failwhale/", "/cms/images/chooser/chosen/")

# Bodies for the HTTP API's endpoints: far dates and wrong shapes.
API_BODIES = {
    "schoolyard-plan": [{"start": "9999-12-25", "weeks": 1},
                        {"start": "2026-09-12", "weeks": 3, "skip": ["9999-12-25"]},
                        {"start": "2199-12-25", "weeks": 52}, {"start": "2026-09-12", "weeks": 10**30}],
    "eligibility": [
        {"as_of": "9999-12-31", "division": "10U", "records": []},
        {"as_of": "2026-09-01", "division": "10U",
         "records": [{"requirement": "safesport", "completed_on": "9999-12-01"}]},
        {"as_of": "2026-09-01", "division": "10U",
         "records": [{"requirement": "safesport", "completed_on": "2026-01-01", "valid_until": "9999-12-31"}]},
        {"as_of": "2026-09-01", "division": "\x00", "records": [{}]},
    ],
    "heading": [
        {"context": "practice", "division": "14U", "week_of": "9999-12-27",
         "sessions": [{"date": "9999-12-31", "heading_minutes": 10**30, "headers": {"p": 10**30}}]},
        {"context": "match", "division": "10U", "offence": {"x": 1e308, "y": -1e308}, "offending_team": "home",
         "deliberate": True, "field": {"length": 1e308, "width": 1e-308}},
    ],
    "crosscert": [{"license": "\x00"}, {"license": ["ussf_d"]}],
}


def _keys() -> list[str]:
    """Every field name the product reads from a query string or a form:
    request.GET/POST look-ups in the code and the fields of its templates."""
    names = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text()
        names.update(re.findall(r"""(?:GET|POST|data)(?:\.get|\.getlist)?[\[(]\s*["']([\w-]+)["']""", text))
    for path in SRC.rglob("*.html"):
        names.update(re.findall(r"""\bname="([\w-]+)\"""", path.read_text()))
    names.discard("csrfmiddlewaretoken")
    return sorted(names)


KEYS = _keys()
ADMIN = "region's RCA"
# Which hostile value each key gets turns from request to request; another
# starting point (COACHREADY_CRAWL_OFFSET) tries other pairings.
_turn = itertools.count(int(os.environ.get("COACHREADY_CRAWL_OFFSET", "0")))


def hostile_pairs(keys: list[str]) -> list[tuple[str, str]]:
    """One hostile value for every key, and a second, different one for a
    few of them (a repeated key)."""
    start = next(_turn)
    pairs = [(key, HOSTILE_VALUES[(start + i) % len(HOSTILE_VALUES)]) for i, key in enumerate(keys)]
    pairs += [(key, HOSTILE_VALUES[(start + 7 * i + 3) % len(HOSTILE_VALUES)]) for i, key in enumerate(keys[::5])]
    return pairs


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), isinstance(entry.pattern, RegexPattern)


def _real_id(segment: str) -> str:
    label = MODEL_BY_SEGMENT.get(segment)
    if label:
        model = apps.get_model(label)
        first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        if first is not None:
            return str(first)
    return "1"


_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def fill(route: str, hostile: bool) -> str:
    """`route` with its parameters filled: real demo values, or hostile ones."""
    out, last, rotate = [], 0, next(_turn)
    for found in _PARAM.finditer(route):
        converter, name = found.group(1) or "str", found.group(2)
        before = route[last:found.start()]
        segment = before.rstrip("/").rsplit("/", 1)[-1]
        if converter == "int":
            value = HOSTILE_PATH[rotate % 2] if hostile else SMALL_NUMBERS.get(name) or _real_id(segment)
        else:
            value = (HOSTILE_PATH_TEXT[rotate % len(HOSTILE_PATH_TEXT)] if hostile
                     else TEXT_VALUES.get(name) or _real_id(segment))
        out += [before, value]
        last = found.end()
    return "/" + "".join(out) + route[last:]


@dataclass(frozen=True)
class Target:
    path: str
    own: bool  # the product's own page, not the CMS's or Django admin's
    hostile_path: bool


def crawl_targets() -> list[Target]:
    """Every pattern, filled with real ids and (when it has parameters) with hostile ones."""
    targets = []
    for route, is_regex in _walk(get_resolver()):
        own = not route.startswith(("django-admin/", "cms/"))
        if is_regex:
            if route.startswith("documents/"):
                targets += [Target("/documents/1/x.pdf", own, False),
                            Target("/documents/" + "9" * 30 + "/x.pdf", own, True)]
            continue
        targets.append(Target(fill(route, hostile=False), own, False))
        if _PARAM.search(route):
            targets.append(Target(fill(route, hostile=True), own, True))
    # The demo region's website: every live page, and a path that is none.
    targets += [Target(page.url, True, False) for page in Page.objects.live().specific() if page.url]
    targets.append(Target("/no-such-page/" + "x" * 200 + "/", True, True))
    return [t for t in targets if not t.path.startswith(NOT_OURS)]


def asks(persona: str, target: Target) -> tuple[str, ...]:
    """The methods to try: everything as the region's administrator, who
    passes the most access checks; fewer where the answer can only be the
    same refusal (an outsider in the CMS is sent to sign in whatever the id)."""
    if persona == ADMIN:
        return ("get", "post") if target.own else ("get",)
    if not target.own or target.hostile_path:
        return ()
    return ("get", "post")


@pytest.fixture
def demo(db):
    return load_demo(volunteers=40)


def test_no_url_answers_a_server_error_to_hostile_input(demo, settings):
    settings.ALLOWED_HOSTS = ["*"]
    personas = {"visitor": None, "coach": demo.personas["coach"], "other region's RCA": demo.personas["other_rca"],
                ADMIN: demo.personas["rca"]}
    clients = {}
    for name in personas:
        clients[name] = Client(raise_request_exception=False)
    failures: list[str] = []

    def ask(persona: str, method: str, path: str, **kwargs):
        client = clients[persona]
        if personas[persona] is not None and "_auth_user_id" not in client.session:
            # Signed in as in production, second factor passed; again after
            # a crawled sign-out ends the session.
            client.force_login(personas[persona].user)
            pass_second_factor(client, personas[persona].user)
        response = getattr(client, method)(path, **kwargs)
        if response.streaming:
            # Read to the end: the test client then closes the file it serves.
            b"".join(response.streaming_content)
        if response.status_code >= 500:
            exc = getattr(response, "exc_info", None)
            cause = f"{exc[0].__name__}: {str(exc[1])[:160]}" if exc else ""
            shown = str(kwargs.get("data"))[:160] if method == "post" and kwargs.get("data") else ""
            failures.append(f"{persona:>20} {method.upper():4} {path[:160]} {shown} -> {response.status_code} {cause}")

    targets = crawl_targets()
    for persona in personas:
        for target in targets:
            for method in asks(persona, target):
                if method == "get":
                    ask(persona, "get", f"{target.path}?{urlencode(hostile_pairs(KEYS))}")
                else:
                    # As a browser posts a form without a file input.
                    ask(persona, "post", target.path, data=urlencode(hostile_pairs(KEYS)),
                        content_type="application/x-www-form-urlencoded")
    for endpoint, bodies in API_BODIES.items():
        for body in bodies:
            ask("visitor", "post", f"/api/v1/{endpoint}", data=json.dumps(body), content_type="application/json")
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)
