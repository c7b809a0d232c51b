"""Data the journeys start from, built through the product's own models."""

from __future__ import annotations

import struct
import zlib
from datetime import date

from coachready.teams.models import CoachAssignment, Season, Team


def png_bytes() -> bytes:
    """A real 1×1 PNG, as a phone camera would upload (only smaller)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"\x00\xff\xff\xff"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def fall_season(region) -> Season:
    season, _ = Season.objects.get_or_create(
        region=region, membership_year=2026, term="fall",
        defaults={"starts_on": date(2026, 8, 15), "first_game_on": date(2026, 9, 12), "ends_on": date(2026, 12, 12)},
    )
    return season


def team(season: Season, division: str, name: str) -> Team:
    return Team.objects.create(season=season, division=division, name=name)


def assign(team: Team, person, role: str = "head_coach", override: str = "") -> CoachAssignment:
    return CoachAssignment.objects.create(team=team, person=person, role=role, override_reason=override)
