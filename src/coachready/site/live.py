"""Words for the live pages, built from the region's policy and the School
Yard curriculum. Pure: a policy in, plain data out; the templates only lay
it out. Nothing here types a rule: every period, course and approver comes
from the policy, so a region that changes its profile changes its pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from coachready.core.policy_words import local, local_title
from coachready.org.models import Role
from coachready.rules import CurriculumWeek, Policy, load_curriculum
from coachready.teams.labels import division_label

DIVISION_COURSE = "division_course"
# Courses named after an age group; they never substitute for each other
# or for the upper ones (DOMAIN.md 3). Anything else is an upper course.
AGE_SPECIFIC = ("coach_schoolyard", "coach_6u", "coach_8u", "coach_10u", "coach_12u")
ROLE_LABELS = {role.value: role.label for role in Role}


@dataclass(frozen=True)
class RequirementRow:
    code: str
    title: str
    renewal: str
    how_to: str


@dataclass(frozen=True)
class DivisionCourse:
    divisions: tuple[str, ...]
    course: str
    title: str


@dataclass(frozen=True)
class Step:
    when: str
    title: str
    how_to: str


@dataclass(frozen=True)
class LicenceLine:
    title: str
    accepted: bool
    grants: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class UpperCourse:
    title: str
    divisions: tuple[str, ...]
    purpose: str


@dataclass(frozen=True)
class RequirementsView:
    policy_title: str
    requirements: tuple[RequirementRow, ...]
    division_courses: tuple[DivisionCourse, ...]
    nesting: tuple[str, ...]
    age_specific_rule: str
    prerequisites: tuple[str, ...]
    steps: tuple[Step, ...]
    licences: tuple[LicenceLine, ...]
    approval_chain: tuple[str, ...]
    preconditions: tuple[str, ...]
    upper_courses: tuple[UpperCourse, ...] = ()


def _course_renewal(policy: Policy) -> str:
    words = {policy.requirements[c].renewal for c in policy.requirements if c.startswith("coach_")}
    return words.pop() if len(words) == 1 else "see below"


def requirement_rows(policy: Policy, role: str = "head_coach") -> tuple[RequirementRow, ...]:
    """Every requirement the role needs whatever the division, in policy
    order, with the policy's renewal words; the division's course last."""
    rows = []
    for code in policy.roles[role].requires:
        if code == DIVISION_COURSE:
            rows.append(RequirementRow(
                code, "Coach course for the division you coach", _course_renewal(policy),
                "Each division needs its own course; see the table of divisions and courses.",
            ))
            continue
        spec = policy.requirements[code]
        rows.append(RequirementRow(code, local(spec, "title"), spec.renewal, local(spec, "how_to")))
    return tuple(rows)


def division_courses(policy: Policy) -> tuple[DivisionCourse, ...]:
    """Divisions grouped by the course they need, in division order."""
    grouped: dict[str, list[str]] = {}
    for division in policy.divisions:
        grouped.setdefault(policy.division_rules[division].course, []).append(division_label(division))
    return tuple(
        DivisionCourse(tuple(divisions), course, local_title(policy, course)) for course, divisions in grouped.items()
    )


def nesting_lines(policy: Policy) -> tuple[str, ...]:
    """"Advanced Coach also counts where Intermediate Coach is needed", from
    the policy's satisfier map (course nesting closed transitively)."""
    lines = []
    for code, satisfiers in policy.satisfiers.items():
        if not code.startswith("coach_"):
            continue
        for other in satisfiers:
            if other != code:
                lines.append(f"{policy.title_of(other)} also counts where {policy.title_of(code)} is needed.")
    return tuple(lines)


def upper_courses(policy: Policy) -> tuple[UpperCourse, ...]:
    """The upper coach courses in policy order, each with the divisions that
    need it (none for the National Coach course) and what it is for."""
    needed_by: dict[str, list[str]] = {}
    for division in policy.divisions:
        needed_by.setdefault(policy.division_rules[division].course, []).append(division_label(division))
    return tuple(
        UpperCourse(local(spec, "title"), tuple(needed_by.get(code, ())), local(spec, "purpose"))
        for code, spec in policy.requirements.items()
        if spec.kind == "coach_course" and code not in AGE_SPECIFIC
    )


def age_specific_rule(policy: Policy) -> str:
    """Say so when no age-specific course is satisfied by any other course."""
    courses = [c for c in AGE_SPECIFIC if c in policy.requirements]
    if all(tuple(policy.satisfiers.get(c, (c,))) == (c,) for c in courses):
        titles = ", ".join(policy.title_of(c) for c in courses)
        return (
            f"The age-specific courses ({titles}) do not substitute for each other, and the upper courses "
            "do not replace them: a coach with the Advanced Coach course who wants to coach 10U still needs "
            "the 10U Coach course."
        )
    return ""


def prerequisite_lines(policy: Policy) -> tuple[str, ...]:
    return tuple(
        f"{policy.title_of(course)} needs {' and '.join(policy.title_of(p) for p in before)} first."
        for course, before in policy.prerequisites.items()
        if before
    )


def _when(renewal: str) -> str:
    return "One time" if renewal == "one-time" else renewal[:1].upper() + renewal[1:]


def steps(policy: Policy, role: str = "head_coach") -> tuple[Step, ...]:
    """The path to coaching, renewing requirements first (they recur)."""
    rows = requirement_rows(policy, role)
    recurring = [r for r in rows if r.renewal != "one-time"]
    once = [r for r in rows if r.renewal == "one-time"]
    return tuple(Step(_when(r.renewal), r.title, r.how_to) for r in recurring + once)


def crosscert_lines(policy: Policy) -> tuple[LicenceLine, ...]:
    return tuple(
        LicenceLine(
            local(rule, "title"), rule.accepted, tuple(local_title(policy, c) for c in rule.grants),
            local(rule, "reason"),
        )
        for rule in policy.crosscert.licences.values()
    )


PRECONDITION_WORDS = {
    "registered_volunteer": "be a registered volunteer",
    "licence_copy": "send a copy of the licence",
    "not_suspended": "not be under suspension",
}


def requirements_view(policy: Policy) -> RequirementsView:
    """Everything the Coach requirements page shows, from one policy."""
    return RequirementsView(
        policy_title=policy.title,
        requirements=requirement_rows(policy),
        division_courses=division_courses(policy),
        nesting=nesting_lines(policy),
        age_specific_rule=age_specific_rule(policy),
        prerequisites=prerequisite_lines(policy),
        steps=steps(policy),
        licences=crosscert_lines(policy),
        approval_chain=tuple(ROLE_LABELS.get(code, code) for code in policy.crosscert.approval_chain),
        preconditions=tuple(
            PRECONDITION_WORDS.get(code, f"hold {policy.title_of(code)}") for code in policy.crosscert.preconditions
        ),
        upper_courses=upper_courses(policy),
    )


@dataclass(frozen=True)
class HeadingRow:
    division: str
    practice: str
    match: str


@dataclass(frozen=True)
class HeadingView:
    rows: tuple[HeadingRow, ...]
    limited_divisions: tuple[str, ...]
    minutes_per_week: int
    headers_low: int
    headers_high: int
    sanction_max_age: int
    sanction: str
    source: str


_PRACTICE = {"banned": "No heading", "limited": "Limited", "unlimited": "No limit"}
_SANCTION = {"indirect_free_kick": "an indirect free kick", "direct_free_kick": "a direct free kick"}
_MATCH = {"banned": "No heading", "unrestricted": "No restriction"}


def heading_view(policy: Policy) -> HeadingView:
    settings = policy.heading
    rows = []
    for division in policy.divisions:
        rules = policy.division_rules[division]
        practice = _PRACTICE.get(rules.heading_practice, rules.heading_practice)
        if rules.heading_practice == "limited":
            practice = (
                f"At most {settings.practice_minutes_per_week} minutes a week, "
                f"{settings.headers_warning_above}–{settings.headers_limit} headers per player"
            )
        match = _MATCH.get(rules.heading_match, rules.heading_match)
        rows.append(HeadingRow(division_label(division), practice, match))
    return HeadingView(
        rows=tuple(rows),
        limited_divisions=tuple(d for d in policy.divisions if policy.division_rules[d].heading_practice == "limited"),
        minutes_per_week=settings.practice_minutes_per_week,
        headers_low=settings.headers_warning_above,
        headers_high=settings.headers_limit,
        sanction_max_age=settings.sanction_max_age,
        sanction=" or ".join(sorted({_SANCTION.get(r.sanction, r.sanction) for r in policy.division_rules.values()})),
        source=local(settings, "source"),
    )


def schoolyard_weeks() -> tuple[CurriculumWeek, ...]:
    """The ten School Yard weeks, in order, from the engine's curriculum."""
    return load_curriculum().weeks
