"""A link one app offers on another's page: the answer to the `nav_links`,
`home_links` and `region_links` hooks (`coachready.core.hooks` asks every
app for them), so no app edits another's templates to be found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    description: str = ""
    order: int = 100
