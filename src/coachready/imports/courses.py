"""Course names as volunteers' spreadsheets and the national platforms spell
them, mapped to requirement codes (CONTRACTS.md §1, DOMAIN.md §3).

Names are compared after folding case and dropping everything that is not a
letter or a digit, so "AYSO's Safe Haven", "AYSOs Safe Haven" and
"ayso s safe-haven" are one name. The "Z-Online " prefix the training site
puts on its online courses is dropped too. A name not in this table is
reported to the administrator, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext_lazy as _

from coachready.rules.codes import REQUIREMENT_CODES

# The name an export writes for each code; the import reads it back.
CANONICAL_NAMES: dict[str, str] = {
    "safe_haven": "AYSO's Safe Haven",
    "concussion": "CDC Concussion Awareness",
    "sudden_cardiac_arrest": "Sudden Cardiac Arrest",
    "safesport": "SafeSport Trained - U.S. Soccer Federation",
    "background_check": "Background Check",
    "live_scan": "Live Scan",
    "referee_regional": "Regional Referee",
    "referee_intermediate": "Intermediate Referee",
    "referee_advanced": "Advanced Referee",
    "referee_national": "National Referee",
    "coach_schoolyard": "Schoolyard Activity Leader",
    "coach_6u": "6U Coach",
    "coach_8u": "8U Coach",
    "coach_10u": "10U Coach",
    "coach_12u": "12U Coach",
    "coach_intermediate": "Intermediate (14U) Coach",
    "coach_advanced": "Advanced (19U) Coach",
    "coach_national": "National Coach",
}

# Other spellings seen in the licence/grade export, the training site's
# reports and regions' own spreadsheets.
_ALIASES: dict[str, tuple[str, ...]] = {
    "safe_haven": (
        "Safe Haven", "AYSOs Safe Haven", "Z-Online AYSOs Safe Haven", "Safe Haven Coach",
        "Safe Haven Referee", "AYSO Safe Haven", "Safe Haven Course",
    ),
    "concussion": (
        "Concussion Awareness", "CDC Concussion Awareness Training", "Z-Online CDC Concussion Awareness Training",
        "CDC HEADS UP", "CDC Heads Up Concussion Training", "Concussion",
    ),
    "sudden_cardiac_arrest": (
        "Sudden Cardiac Arrest Training", "Z-Online Sudden Cardiac Arrest Training", "SCA", "SCA Training",
    ),
    "safesport": (
        "SafeSport", "Safe Sport", "SafeSport Trained", "SafeSport Core", "SafeSport Refresher",
        "SafeSport Refresher 1", "SafeSport Refresher 2", "SafeSport Refresher 3",
    ),
    "background_check": ("Risk Status", "Volunteer Background Check", "Background Screening"),
    "live_scan": ("LiveScan", "Live Scan Fingerprinting", "AB 506 Live Scan", "California Live Scan"),
    "referee_regional": ("Regional Referee Course", "Z-Online Regional Referee"),
    "referee_intermediate": ("Intermediate Referee Course",),
    "referee_advanced": ("Advanced Referee Course",),
    "referee_national": ("National 1 Referee", "National 2 Referee", "National Referee 1", "National Referee 2"),
    "coach_schoolyard": (
        "Schoolyard Coach", "School Yard Coach", "Schoolyard", "Playground Coach", "Playground Activity Leader",
    ),
    "coach_6u": ("U-6 Coach", "U6 Coach", "Z-Online 6U Coach"),
    "coach_8u": ("U-8 Coach", "U8 Coach", "Z-Online 8U Coach"),
    "coach_10u": ("U-10 Coach", "U10 Coach"),
    "coach_12u": ("U-12 Coach", "U12 Coach"),
    "coach_intermediate": ("Intermediate Coach", "Intermediate Coach (14U)"),
    "coach_advanced": ("Advanced Coach", "Advanced Coach (19U)", "Advanced (16U/19U) Coach"),
    "coach_national": ("National Coach Course",),
}

# Credentials that exist but are not requirements CoachReady tracks. They are
# skipped with this reason: a U-8 Official does not hold the Regional Referee
# grade every coach needs (DOMAIN.md §3), so it must not be read as one.
NOT_TRACKED: dict[str, Any] = {
    "U-8 Official": _("U-8 Official is a referee grade below Regional Referee; it is not a tracked requirement"),
    "8U Official": _("8U Official is a referee grade below Regional Referee; it is not a tracked requirement"),
    "Assistant Referee": _("Assistant Referee is a grade below Regional Referee; it is not a tracked requirement"),
}


def course_key(name: str) -> str:
    """The comparison key of a course name: lower-case letters and digits only."""
    key = re.sub(r"[^0-9a-z]", "", name.lower())
    return key.removeprefix("zonline")


def _build() -> tuple[dict[str, str], dict[str, str]]:
    codes: dict[str, str] = {}
    for code in REQUIREMENT_CODES:
        codes[course_key(code)] = code
    for code, name in CANONICAL_NAMES.items():
        codes[course_key(name)] = code
    for code, names in _ALIASES.items():
        for name in names:
            codes[course_key(name)] = code
    skipped = {course_key(name): reason for name, reason in NOT_TRACKED.items()}
    return codes, skipped


_CODES, _SKIPPED = _build()


@dataclass(frozen=True)
class CourseMatch:
    """What a course cell means: a requirement `code`, or a `skip_reason`
    for a known credential that is not tracked, or neither (unknown)."""

    code: str | None = None
    skip_reason: str = ""


@lru_cache(maxsize=4096)
def match_course(name: str) -> CourseMatch:
    key = course_key(name)
    if key in _CODES:
        return CourseMatch(code=_CODES[key])
    if key in _SKIPPED:
        return CourseMatch(skip_reason=str(_SKIPPED[key]))
    return CourseMatch()


def known_course_names() -> list[tuple[str, str]]:
    """(name, code) for every name the import reads, for the documentation page."""
    rows = [(name, code) for code, name in CANONICAL_NAMES.items()]
    rows += [(name, code) for code, names in _ALIASES.items() for name in names]
    return sorted(rows, key=lambda row: (row[1], row[0]))
