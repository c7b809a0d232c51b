"""Small parsing helpers the certs views share."""

from __future__ import annotations

from datetime import date

from django.utils import timezone


def today() -> date:
    return timezone.localdate()


def parse_date(text: str | None) -> date | None:
    """An ISO date from a query string, or None when absent or malformed."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def pick_division(policy, text: str | None) -> str | None:  # noqa: ANN001
    """The canonical division for `text` if the policy knows it."""
    from coachready.rules import InputError

    if not text:
        return None
    try:
        return policy.division(text[:12])
    except InputError:
        return None
