"""Argument checks shared by the periodic commands: a bad argument is one
line on standard error and exit status 2, with nothing written."""

from __future__ import annotations

import sys
from datetime import date

from django.utils import timezone

from coachready.org.models import Region


class BadArgument(Exception):
    pass


def fail(command, message: str):  # noqa: ANN001
    command.stderr.write(f"error: {message}")
    sys.exit(2)


def parse_as_of(text: str | None) -> date:
    if not text:
        return timezone.localdate()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadArgument(f"--as-of must be a date as YYYY-MM-DD, not {text!r}")


def parse_region(number: str | None) -> Region | None:
    if number is None:
        return None
    try:
        value = int(number)
    except ValueError:
        raise BadArgument(f"--region must be a region number, not {number!r}")
    region = Region.objects.filter(number=value).first()
    if region is None:
        raise BadArgument(f"there is no Region {value}")
    return region
