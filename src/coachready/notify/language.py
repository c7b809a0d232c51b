"""Which language an email to a person is written in."""

from __future__ import annotations

from typing import Any

from django.conf import settings


def language_of(person: Any) -> str:
    """The language to write to `person` in: theirs (Person.language), else
    the site's default."""
    return getattr(person, "language", "") or settings.LANGUAGE_CODE
