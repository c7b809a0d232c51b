"""Training workflows: events, enrolment, attendance, notices. Each write is
one transaction with its audit entry; emails leave only after the commit."""

from __future__ import annotations

from django.utils import formats


class Refused(Exception):
    """A request the rules do not allow; `message` is shown to the person as is."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def long_date(day) -> str:  # noqa: ANN001 - a date
    """A day as the reader's language writes it in a sentence ("Sept. 12,
    2026", "12 de septiembre de 2026", "2026年9月12日")."""
    return formats.date_format(day, "DATE_FORMAT")
