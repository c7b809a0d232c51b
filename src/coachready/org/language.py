"""The language a person reads: chosen at sign-up, on their own page or by
an administrator; empty means "not chosen yet" (pages then follow the
browser). Mail senders render inside `translation.override(language_of(p))`."""

from __future__ import annotations

from django.conf import settings


def language_codes() -> frozenset[str]:
    return frozenset(code for code, _name in settings.LANGUAGES)


def is_language(code: object) -> bool:
    """Is `code` one of the product's languages (exactly as LANGUAGES writes it)?"""
    return isinstance(code, str) and code in language_codes()


def language_of(person) -> str:  # noqa: ANN001 - org.Person (or anything with .language)
    """The person's chosen language, else the product's default."""
    chosen = getattr(person, "language", "") or ""
    return chosen if is_language(chosen) else settings.LANGUAGE_CODE
