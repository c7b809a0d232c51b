"""Every email template, text and HTML part, rendered with a name that has
an apostrophe, an ampersand and angle brackets in every value it shows.

The text part must say `O'Brien & <Co>` exactly as written (a volunteer's
mail program shows plain text as it is, so `O&#x27;Brien` would be printed
literally); the HTML part must escape it and carry a title.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import coachready
from coachready.core.mail import render_email
from tests.factories import make_region

NAME = "O'Brien & <Co>"
PACKAGE = Path(coachready.__file__).parent


# What the date and time filters ask of a value: without them they leave the
# value out (as they do for any non-date), which is all this test needs.
NOT_A_DATE = {"weekday", "isoweekday", "year", "month", "day", "hour", "minute", "second", "microsecond",
              "tzinfo", "utcoffset", "timetuple", "isocalendar", "toordinal", "date", "time"}


class Anything:
    """Stands for any value a template asks for: every attribute, key and
    item is another Anything, it iterates as one item, and it prints as NAME."""

    def __getattr__(self, name: str) -> Anything:
        if name.startswith("__") or name in NOT_A_DATE:
            raise AttributeError(name)
        return Anything()

    def __getitem__(self, key: object) -> Anything:
        return Anything()

    def __iter__(self):
        return iter([Anything()])

    def __len__(self) -> int:
        return 1

    def __str__(self) -> str:
        return NAME


def _email_templates() -> list[str]:
    names = set()
    for path in PACKAGE.rglob("*.txt"):
        if "email" not in path.parts and "email" not in path.parent.name:
            continue
        if path.name.startswith("_") or path.name == "base.txt":
            continue  # includes and the layout are rendered inside the others
        if not path.with_suffix(".html").exists():
            continue
        templates_dir = next(p for p in path.parents if p.name == "templates")
        names.add(str(path.relative_to(templates_dir).with_suffix("")))
    return sorted(names)


TEMPLATES = _email_templates()


def test_the_templates_are_found():
    assert "email/notify/reminder" in TEMPLATES
    assert "training/email/enrolment_cancelled" in TEMPLATES
    assert len(TEMPLATES) >= 19


@pytest.mark.parametrize("template", TEMPLATES)
def test_text_part_is_never_html_escaped(template, db):
    keys = {
        "name", "person", "region", "event", "sessions", "session", "items", "digest", "emails", "reason",
        "application", "record", "message", "note", "body", "subject", "what", "enrollment", "step",
        "reviewer", "applicant", "checklist_url", "preferences_url", "page_url", "event_url", "url",
        "contact", "interest", "sender", "text", "decision", "requirement", "region_name", "mandatory",
    }
    context = {key: Anything() for key in keys}
    # The region is real: links are built from its website's address.
    context["region"] = make_region(60, NAME, email="coaches@example.org", phone=NAME)
    text, html = render_email(template, context, subject=NAME)
    assert NAME in text, f"{template}.txt shows none of its values"
    for escaped in ("&amp;", "&#x27;", "&#39;", "&lt;", "&gt;", "&quot;"):
        assert escaped not in text, f"{template}.txt HTML-escapes its content ({escaped})"
    assert "O&#x27;Brien &amp; &lt;Co&gt;" in html
    assert NAME not in html, f"{template}.html shows a value unescaped"
    assert "<title>O&#x27;Brien &amp; &lt;Co&gt;</title>" in html
