"""Validation of a policy profile's division, heading, cross-certification and
age-group tables (the rest is in `policy_loader`).

Each reader takes a `Table`, checks every key, and raises `PolicyError`
naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .codes import APPROVER_ROLES, COACH_COURSE_CODES, DIVISIONS, LICENCE_CODES, REQUIREMENT_CODES, canonical_division
from .policy import (
    AgeRule,
    CrossCertSettings,
    DivisionRules,
    FieldSize,
    HeadingSettings,
    LicenceRule,
    RequirementSpec,
)
from .tomlreader import Table
from .translations import read_translations

# Preconditions a cross-certification applicant must meet, besides
# requirement codes on record.
PRECONDITIONS = ("registered_volunteer", "licence_copy", "not_suspended")


def read_field(table: Table) -> FieldSize:
    size = FieldSize(
        length=table.number("length"),
        width=table.number("width"),
        goal_area_depth=table.number("goal_area_depth"),
        goal_area_width=table.number("goal_area_width"),
    )
    if size.goal_area_depth * 2 >= size.length:
        raise table.fail("goal_area_depth", "goal areas would overlap")
    if size.goal_area_width > size.width:
        raise table.fail("goal_area_width", "is wider than the field")
    table.done()
    return size


def read_divisions(
    table: Table, requirements: Mapping[str, RequirementSpec]
) -> dict[str, DivisionRules]:
    rules: dict[str, DivisionRules] = {}
    for key in table.codes():
        division = canonical_division(key)
        if division is None or division != key:
            raise table.fail(key, "unknown division")
        entry = table.table(key)
        course = entry.choice("course", COACH_COURSE_CODES)
        ages = entry.wholes("ages")
        if len(ages) != 2 or ages[0] > ages[1]:
            raise entry.fail("ages", "must be [youngest, oldest]")
        rules[division] = DivisionRules(
            code=division,
            course=course,
            ages=(ages[0], ages[1]),
            field=read_field(entry.table("field")),
            heading_practice=entry.choice("heading_practice", ("banned", "limited", "unlimited")),
            heading_match=entry.choice("heading_match", ("banned", "unrestricted")),
            sanction=entry.choice("sanction", ("indirect_free_kick", "direct_free_kick")),
        )
        entry.done()
    previous: DivisionRules | None = None
    for division in DIVISIONS:
        if division not in rules:
            raise table.fail(division, "missing division")
        current = rules[division]
        if previous is not None and current.ages[0] != previous.ages[1] + 1:
            # Age groups must tile: every age between youngest and oldest
            # has exactly one division.
            raise table.fail(f"{division}.ages", "must start one above the previous division's")
        previous = current
    return {division: rules[division] for division in DIVISIONS}


def read_heading(table: Table, complete: bool = False) -> HeadingSettings:
    source = table.text("source")
    settings = HeadingSettings(
        practice_minutes_per_week=table.whole("practice_minutes_per_week"),
        headers_warning_above=table.whole("headers_warning_above"),
        headers_limit=table.whole("headers_limit"),
        sanction_max_age=table.whole("sanction_max_age"),
        source=source,
        translations=read_translations(table, {"source": source}, complete),
    )
    if settings.headers_warning_above > settings.headers_limit:
        raise table.fail("headers_warning_above", "is above headers_limit")
    table.done()
    return settings


def read_crosscert(table: Table, complete: bool = False) -> CrossCertSettings:
    chain = table.texts("approval_chain", choices=APPROVER_ROLES)
    if not chain:
        raise table.fail("approval_chain", "must name at least one approver")
    preconditions = table.texts("preconditions", choices=PRECONDITIONS + REQUIREMENT_CODES)
    licences_table = table.table("licences")
    licences: dict[str, LicenceRule] = {}
    for code in licences_table.codes():
        if code not in LICENCE_CODES:
            raise licences_table.fail(code, "unknown licence code")
        entry = licences_table.table(code)
        accepted = entry.flag("accepted")
        grants = entry.texts("grants", choices=COACH_COURSE_CODES)
        if accepted != bool(grants):
            raise entry.fail("grants", "an accepted licence grants courses; a refused one none")
        reason = entry.text("reason")
        if not reason:
            raise entry.fail("reason", "must explain the decision")
        title = entry.text("title")
        licences[code] = LicenceRule(
            code=code,
            title=title,
            accepted=accepted,
            grants=grants,
            reason=reason,
            translations=read_translations(entry, {"title": title, "reason": reason}, complete),
        )
        entry.done()
    for code in LICENCE_CODES:
        if code not in licences:
            raise licences_table.fail(code, "missing licence")
    table.done()
    return CrossCertSettings(
        approval_chain=chain, preconditions=preconditions, licences=MappingProxyType(licences)
    )


def read_age_rules(top: Table) -> tuple[AgeRule, ...]:
    rules: list[AgeRule] = []
    for entry in top.tables("age_rules"):
        from_year = entry.whole("from_year")
        method = entry.choice("method", ("birth_year", "cutoff"))
        month, day = 1, 1
        if method == "cutoff":
            month, day = read_month_day(entry)
        if rules and from_year <= rules[-1].from_year:
            raise entry.fail("from_year", "rules must be in increasing membership-year order")
        rules.append(AgeRule(from_year=from_year, method=method, cutoff_month=month, cutoff_day=day))
        entry.done()
    if not rules:
        raise top.fail("age_rules", "must hold at least one rule")
    return tuple(rules)


def read_month_day(entry: Table) -> tuple[int, int]:
    text = entry.text("cutoff")
    parts = text.split("-")
    days_in = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if len(parts) == 2 and all(p.isdigit() and len(p) == 2 for p in parts):
        month, day = int(parts[0]), int(parts[1])
        if 1 <= month <= 12 and 1 <= day <= days_in[month - 1]:
            return month, day
    raise entry.fail("cutoff", "must be MM-DD (a day that exists every year)")
