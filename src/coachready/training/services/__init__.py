"""Training workflows: events, enrolment, attendance, notices. Each write is
one transaction with its audit entry; emails leave only after the commit."""

from __future__ import annotations


class Refused(Exception):
    """A request the rules do not allow; `message` is shown to the person as is."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def long_date(day) -> str:  # noqa: ANN001 - a date
    """"September 12, 2026": the way dates read in messages and emails."""
    return f"{day:%B} {day.day}, {day.year}"
