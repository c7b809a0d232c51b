"""A policy profile: every number and mapping a region may differ on.

The values come from TOML profiles under `policies/` (see `policy_loader`).
These classes are plain frozen data with a few look-ups; nothing here reads a
clock or a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .codes import DIVISION_COURSE, canonical_division
from .errors import InputError
from .translations import ENGLISH, Translations, Worded


@dataclass(frozen=True, slots=True)
class RequirementSpec(Worded):
    """One requirement: how long it counts and how a volunteer gets it.

    `validity_months` None means one-time (never lapses). `self_report` says
    whether a volunteer may upload a certificate for it; coaching licences may
    not be self-uploaded (DOMAIN.md section 7). `online_report` is the one
    exception for coach courses taught online in the Training Library: the
    coach may report the course done with its certificate, which counts only
    once the region has verified it. `purpose` says, in the policy's words,
    what a course no division requires is for (the National Coach course).
    """

    code: str
    title: str
    kind: str
    validity_months: int | None
    renewal: str
    how_to: str
    self_report: bool
    reminder_days: tuple[int, ...]
    online_report: bool = False
    purpose: str = ""
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    @property
    def reportable(self) -> bool:
        """May the volunteer report a completion with a certificate file?"""
        return self.self_report or self.online_report


@dataclass(frozen=True, slots=True)
class FieldSize:
    """A field in metres; the goals are centred on `width / 2`."""

    length: float
    width: float
    goal_area_depth: float
    goal_area_width: float

    def to_dict(self) -> dict[str, float]:
        """The contract's `field` object."""
        return {
            "length": self.length,
            "width": self.width,
            "goal_area_depth": self.goal_area_depth,
            "goal_area_width": self.goal_area_width,
        }


@dataclass(frozen=True, slots=True)
class DivisionRules:
    """What a policy says about one division.

    `ages` is the range of age-group numbers that play in it (used by the age
    group rule, and by the heading rule when a player's age is not given).
    `heading_practice` is "banned", "limited" or "unlimited";
    `heading_match` is "banned" or "unrestricted"; `sanction` is the free kick
    a deliberate header by a young player gives.
    """

    code: str
    course: str
    ages: tuple[int, int]
    field: FieldSize
    heading_practice: str
    heading_match: str
    sanction: str


@dataclass(frozen=True, slots=True)
class HeadingSettings(Worded):
    """Numbers of the heading policy (AYSO National Board, 2016)."""

    practice_minutes_per_week: int
    headers_warning_above: int
    headers_limit: int
    sanction_max_age: int
    source: str
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class LicenceRule(Worded):
    """How one outside licence is treated for cross-certification."""

    code: str
    title: str
    accepted: bool
    grants: tuple[str, ...]
    reason: str
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CrossCertSettings:
    """Cross-certification: who approves, what must be on record, which licences."""

    approval_chain: tuple[str, ...]
    preconditions: tuple[str, ...]
    licences: Mapping[str, LicenceRule]


@dataclass(frozen=True, slots=True)
class RiskStatusRule(Worded):
    """One background-check risk status colour and what it allows."""

    status: str
    may_coach: bool
    meaning: str
    next_step: str
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class AgeRule:
    """How age groups are counted from a membership year on.

    `method` "birth_year": age group = (MY + 1) - birth year (through MY2025).
    `method` "cutoff": age group = MY - the year of the last cutoff
    (month/day) on or before the birth date (1 August from MY2026).
    """

    from_year: int
    method: str
    cutoff_month: int
    cutoff_day: int


@dataclass(frozen=True, slots=True)
class RoleSpec(Worded):
    """A coaching role and its requirement list (with `division_course`)."""

    code: str
    title: str
    requires: tuple[str, ...]
    translations: Translations = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, eq=False)
class Policy(Worded):
    """A loaded, validated policy profile.

    Compared by identity: two loads of the same file are equal in content but
    distinct objects, and the engine caches per object.
    """

    name: str
    title: str
    source: str
    divisions: tuple[str, ...]
    requirements: Mapping[str, RequirementSpec]
    roles: Mapping[str, RoleSpec]
    division_rules: Mapping[str, DivisionRules]
    warning_days: int
    # code -> record codes that satisfy it, the code itself first
    # (course nesting and the referee ladder, closed transitively).
    satisfiers: Mapping[str, tuple[str, ...]]
    prerequisites: Mapping[str, tuple[str, ...]]
    risk_requirement: str
    risk_statuses: Mapping[str, RiskStatusRule]
    heading: HeadingSettings
    crosscert: CrossCertSettings
    age_rules: tuple[AgeRule, ...]
    translations: Translations = field(default_factory=dict, compare=False, repr=False)
    # Per-(division, role) evaluation plans, filled on first use.
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def coach_risk_statuses(self) -> frozenset[str]:
        """Risk statuses that allow coaching (green and orange in AYSO)."""
        return frozenset(s for s, rule in self.risk_statuses.items() if rule.may_coach)

    def division(self, text: str, path: str = "division") -> str:
        """The canonical division for `text`, or InputError(invalid_value)."""
        found = canonical_division(text)
        if found is None or found not in self.division_rules:
            raise InputError(
                "invalid_value",
                f"Unknown division {text!r}; use one of {', '.join(self.divisions)}.",
                path,
            )
        return found

    def course_for_division(self, division: str) -> str:
        """The coach course code a division needs (`coach_10u` for 9U and 10U)."""
        return self.division_rules[self.division(division)].course

    def requirements_for(self, role: str, division: str) -> tuple[str, ...]:
        """Requirement codes for `role` in `division`, in policy order."""
        spec = self.roles.get(role)
        if spec is None:
            raise InputError(
                "invalid_value",
                f"Unknown role {role!r}; use one of {', '.join(self.roles)}.",
                "role",
            )
        course = self.course_for_division(division)
        return tuple(course if code == DIVISION_COURSE else code for code in spec.requires)

    def reminder_days(self, code: str) -> tuple[int, ...]:
        """Days before lapse on which to remind a volunteer about `code`."""
        return self.requirements[code].reminder_days

    def field_for(self, division: str) -> FieldSize:
        """The division's default field size."""
        return self.division_rules[self.division(division)].field

    def title_of(self, code: str, language: str = ENGLISH) -> str:
        """The human title of a requirement code in `language` (the code itself if unknown)."""
        spec = self.requirements.get(code)
        return spec.text("title", language) if spec is not None else code
