"""Words for the live pages, built from the region's policy and the School
Yard curriculum. Pure: a policy in, plain data out; the templates only lay
it out. Nothing here types a rule: every period, course and approver comes
from the policy, so a region that changes its profile changes its pages.

The words around the policy's titles are in the active language (these run
while a page is rendered); lists are joined by the translation tools, never
by English "and"/"or".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

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
    renewal: str  # in the reader's language
    how_to: str
    once: bool = False  # one-time: never renewed


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
    courses = [policy.requirements[c] for c in policy.requirements if c.startswith("coach_")]
    if courses and len({spec.renewal for spec in courses}) == 1:
        return local(courses[0], "renewal")
    return _("see below")


def requirement_rows(policy: Policy, role: str = "head_coach") -> tuple[RequirementRow, ...]:
    """Every requirement the role needs whatever the division, in policy
    order, with the policy's renewal words; the division's course last."""
    rows = []
    for code in policy.roles[role].requires:
        if code == DIVISION_COURSE:
            courses = [spec for key, spec in policy.requirements.items() if key.startswith("coach_")]
            rows.append(RequirementRow(
                code, _("Coach course for the division you coach"), _course_renewal(policy),
                _("Each division needs its own course; see the table of divisions and courses."),
                once=bool(courses) and all(spec.renewal == "one-time" for spec in courses),
            ))
            continue
        spec = policy.requirements[code]
        rows.append(RequirementRow(
            code, local(spec, "title"), local(spec, "renewal"), local(spec, "how_to"), once=spec.renewal == "one-time"
        ))
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
                lines.append(_("%(course)s also counts where %(needed)s is needed.") % {
                    "course": local_title(policy, other), "needed": local_title(policy, code),
                })
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
        titles = get_text_list([local_title(policy, c) for c in courses], pgettext("list", "and"))
        return _(
            "The age-specific courses (%(courses)s) do not substitute for each other, and the upper courses "
            "do not replace them: a coach with the Advanced Coach course who wants to coach 10U still needs "
            "the 10U Coach course."
        ) % {"courses": titles}
    return ""


def prerequisite_lines(policy: Policy) -> tuple[str, ...]:
    return tuple(
        _("%(course)s needs %(courses)s first.") % {
            "course": local_title(policy, course),
            "courses": get_text_list([local_title(policy, p) for p in before], pgettext("list", "and")),
        }
        for course, before in policy.prerequisites.items()
        if before
    )


def _when(row: RequirementRow) -> str:
    return _("One time") if row.once else capfirst(row.renewal)


def steps(policy: Policy, role: str = "head_coach") -> tuple[Step, ...]:
    """The path to coaching, renewing requirements first (they recur)."""
    rows = requirement_rows(policy, role)
    recurring = [r for r in rows if not r.once]
    once = [r for r in rows if r.once]
    return tuple(Step(_when(r), r.title, r.how_to) for r in recurring + once)


def crosscert_lines(policy: Policy) -> tuple[LicenceLine, ...]:
    return tuple(
        LicenceLine(
            local(rule, "title"), rule.accepted, tuple(local_title(policy, c) for c in rule.grants),
            local(rule, "reason"),
        )
        for rule in policy.crosscert.licences.values()
    )


PRECONDITION_WORDS = {
    "registered_volunteer": gettext_lazy("Be a registered volunteer."),
    "licence_copy": gettext_lazy("Send a copy of the licence."),
    "not_suspended": gettext_lazy("Not be under suspension."),
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
        approval_chain=tuple(str(ROLE_LABELS.get(code, code)) for code in policy.crosscert.approval_chain),
        preconditions=tuple(
            str(PRECONDITION_WORDS[code]) if code in PRECONDITION_WORDS
            else _("Hold %(certification)s.") % {"certification": local_title(policy, code)}
            for code in policy.crosscert.preconditions
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


_PRACTICE = {
    "banned": gettext_lazy("No heading"), "limited": gettext_lazy("Limited"), "unlimited": gettext_lazy("No limit"),
}
# Whole noun phrases, so each language chooses its own article.
_SANCTION = {
    "indirect_free_kick": gettext_lazy("an indirect free kick"),
    "direct_free_kick": gettext_lazy("a direct free kick"),
}
_MATCH = {"banned": gettext_lazy("No heading"), "unrestricted": gettext_lazy("No restriction")}


def heading_view(policy: Policy) -> HeadingView:
    settings = policy.heading
    rows = []
    for division in policy.divisions:
        rules = policy.division_rules[division]
        practice = str(_PRACTICE.get(rules.heading_practice, rules.heading_practice))
        if rules.heading_practice == "limited":
            practice = _("At most %(minutes)s minutes a week, %(low)s–%(high)s headers per player") % {
                "minutes": settings.practice_minutes_per_week,
                "low": settings.headers_warning_above, "high": settings.headers_limit,
            }
        match = str(_MATCH.get(rules.heading_match, rules.heading_match))
        rows.append(HeadingRow(division_label(division), practice, match))
    return HeadingView(
        rows=tuple(rows),
        limited_divisions=tuple(d for d in policy.divisions if policy.division_rules[d].heading_practice == "limited"),
        minutes_per_week=settings.practice_minutes_per_week,
        headers_low=settings.headers_warning_above,
        headers_high=settings.headers_limit,
        sanction_max_age=settings.sanction_max_age,
        sanction=get_text_list(
            sorted({str(_SANCTION.get(r.sanction, r.sanction)) for r in policy.division_rules.values()}),
            pgettext("list", "or"),
        ),
        source=local(settings, "source"),
    )


def schoolyard_weeks() -> tuple[CurriculumWeek, ...]:
    """The ten School Yard weeks, in order, from the engine's curriculum."""
    return load_curriculum().weeks
