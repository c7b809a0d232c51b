"""The fixed vocabulary of the public contracts (CONTRACTS.md sections 1-4).

A policy may change numbers, mappings and words, never these codes: requests
are checked against them so a typo is an error, not a silent miss.
"""

from __future__ import annotations

DIVISIONS: tuple[str, ...] = (
    "schoolyard", "6U", "7U", "8U", "9U", "10U", "12U", "14U", "16U", "19U",
)

# How a division is named in words: the age groups as they are, School Yard
# by name ("Schoolyard" on the seed page). Pages read it through
# coachready.teams.labels.division_label.
DIVISION_NAMES: dict[str, str] = {"schoolyard": "School Yard"}

ROLES: tuple[str, ...] = ("head_coach", "assistant_coach")

SAFETY_CODES: tuple[str, ...] = (
    "safe_haven", "concussion", "sudden_cardiac_arrest", "safesport",
    "background_check", "live_scan",
)
# Lowest first: a higher grade satisfies a lower one (CONTRACTS.md section 1).
REFEREE_CODES: tuple[str, ...] = (
    "referee_regional", "referee_intermediate", "referee_advanced", "referee_national",
)
COACH_COURSE_CODES: tuple[str, ...] = (
    "coach_schoolyard", "coach_6u", "coach_8u", "coach_10u", "coach_12u",
    "coach_intermediate", "coach_advanced", "coach_national",
)
REQUIREMENT_CODES: tuple[str, ...] = SAFETY_CODES + REFEREE_CODES + COACH_COURSE_CODES

RISK_STATUSES: tuple[str, ...] = (
    "green", "yellow", "orange", "brown", "blue", "red", "gray", "blank",
)

LICENCE_CODES: tuple[str, ...] = (
    "ussf_youth_modules", "ussf_f", "ussf_e", "ussf_d", "ussf_c", "ussf_b",
    "ussf_a", "ussf_pro", "nscaa", "united_soccer_coaches", "fa", "other",
)

APPROVER_ROLES: tuple[str, ...] = (
    "regional_commissioner", "regional_coach_administrator",
    "area_coach_administrator", "section_coach_administrator", "national_coach",
)

SKILLS: tuple[str, ...] = (
    "running", "jumping", "twisting", "dodging", "kicking", "dribbling", "stopping",
)

REQUIREMENT_KINDS: tuple[str, ...] = ("safety", "background", "referee", "coach_course")

# The token a role's requirement list uses for "the coach course of the division".
DIVISION_COURSE = "division_course"


def _division_spellings() -> dict[str, str]:
    spellings: dict[str, str] = {}
    for division in DIVISIONS:
        spellings[division.lower()] = division
        if division.endswith("U"):
            # "U10" is the older spelling of "10U"; both are accepted.
            spellings["u" + division[:-1]] = division
    return spellings


_DIVISION_SPELLINGS = _division_spellings()


def canonical_division(text: str) -> str | None:
    """The canonical division for `text` ("u10", "10u", "U10" -> "10U"), or None."""
    found = _DIVISION_SPELLINGS.get(text)
    if found is None:
        found = _DIVISION_SPELLINGS.get(text.strip().lower())
    return found
