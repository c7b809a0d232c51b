"""Load and validate policy profiles from TOML.

A profile is checked completely when loaded: an unknown code, a cycle in
course nesting, a missing division or a negative period is a `PolicyError`
naming the file and the key, so a bad profile never reaches a verdict.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .codes import (
    APPROVER_ROLES,
    COACH_COURSE_CODES,
    DIVISION_COURSE,
    DIVISIONS,
    LICENCE_CODES,
    REFEREE_CODES,
    REQUIREMENT_CODES,
    REQUIREMENT_KINDS,
    RISK_STATUSES,
    ROLES,
    canonical_division,
)
from .errors import PolicyError
from .policy import (
    AgeRule,
    CrossCertSettings,
    DivisionRules,
    FieldSize,
    HeadingSettings,
    LicenceRule,
    Policy,
    RequirementSpec,
    RiskStatusRule,
    RoleSpec,
)
from .tomlreader import Table

POLICY_DIR = Path(__file__).parent / "policies"
DEFAULT_POLICY = "region-60"

_cache: dict[str, Policy] = {}
_lock = threading.Lock()

# Preconditions a cross-certification applicant must meet, besides
# requirement codes on record.
_PRECONDITIONS = ("registered_volunteer", "licence_copy", "not_suspended")


def available_policies() -> list[str]:
    """Names of the policy profiles shipped with the engine."""
    return sorted(path.stem for path in POLICY_DIR.glob("*.toml"))


def load_policy(name: str = DEFAULT_POLICY, overrides: Mapping[str, Any] | None = None) -> Policy:
    """The named policy, validated; cached per name when there are no overrides.

    `overrides` is a nested mapping merged over the profile's TOML before
    validation, so a region can change, say,
    `{"requirements": {"safesport": {"validity_months": 12}}}`.
    """
    if not overrides:
        cached = _cache.get(name)
        if cached is not None:
            return cached
    if name not in available_policies():
        raise PolicyError(
            name, "", f"no such policy profile; available: {', '.join(available_policies())}"
        )
    path = POLICY_DIR / f"{name}.toml"
    if overrides:
        return load_policy_file(path, overrides)
    with _lock:
        cached = _cache.get(name)
        if cached is None:
            cached = _cache[name] = load_policy_file(path)
        return cached


def load_policy_file(path: Path | str, overrides: Mapping[str, Any] | None = None) -> Policy:
    """Load a profile from any TOML file (named after the file's stem)."""
    path = Path(path)
    source = f"policies/{path.name}" if path.parent == POLICY_DIR else str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(source, "", f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, "", f"not valid TOML: {exc}") from exc
    if overrides:
        raw = merge(raw, overrides)
        changed = overrides.get("requirements")
        for code, entry in changed.items() if isinstance(changed, Mapping) else ():
            if isinstance(entry, Mapping) and "validity_months" in entry and "renewal" not in entry:
                # The profile's words describe its own period; derive new ones.
                table = raw["requirements"].get(code)
                if isinstance(table, dict):
                    table.pop("renewal", None)
    return build_policy(raw, name=path.stem, source=source)


def merge(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with `overrides` merged in: tables merge, everything else replaces."""
    merged = dict(base)
    for key, value in overrides.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = merge(old, value)
        else:
            merged[key] = value
    return merged


def build_policy(raw: Mapping[str, Any], name: str, source: str) -> Policy:
    """Validate parsed profile data and build the Policy."""
    top = Table(raw, "", source)
    title = top.text("title")
    warning_days = top.whole("warning_days")
    default_reminders = top.wholes("reminder_days", (60, 30, 7, 0))
    requirements = _requirements(top.table("requirements"), default_reminders)
    roles = _roles(top.table("roles"))
    satisfiers = _satisfiers(top.table("nesting"), top, requirements)
    prerequisites = _prerequisites(top.table("prerequisites", {}))
    risk_requirement, risk_statuses = _risk(top.table("risk"))
    division_rules = _divisions(top.table("divisions"), requirements)
    heading = _heading(top.table("heading"))
    crosscert = _crosscert(top.table("crosscert"))
    age_rules = _age_rules(top)
    top.done()
    return Policy(
        name=name,
        title=title,
        source=source,
        divisions=DIVISIONS,
        requirements=MappingProxyType(requirements),
        roles=MappingProxyType(roles),
        division_rules=MappingProxyType(division_rules),
        warning_days=warning_days,
        satisfiers=MappingProxyType(satisfiers),
        prerequisites=MappingProxyType(prerequisites),
        risk_requirement=risk_requirement,
        risk_statuses=MappingProxyType(risk_statuses),
        heading=heading,
        crosscert=crosscert,
        age_rules=age_rules,
    )


def _kind_of(code: str) -> str:
    if code in REFEREE_CODES:
        return "referee"
    if code in COACH_COURSE_CODES:
        return "coach_course"
    return ""


def _renewal_words(months: int | None) -> str:
    if months is None:
        return "one-time"
    if months % 12 == 0:
        years = months // 12
        return "annually" if years == 1 else f"every {years} years"
    return f"every {months} months"


def _requirements(table: Table, default_reminders: tuple[int, ...]) -> dict[str, RequirementSpec]:
    specs: dict[str, RequirementSpec] = {}
    for code in table.codes():
        if code not in REQUIREMENT_CODES:
            raise table.fail(code, "unknown requirement code")
        entry = table.table(code)
        kind = entry.choice("kind", REQUIREMENT_KINDS)
        expected = _kind_of(code)
        if expected and kind != expected:
            raise entry.fail("kind", f"must be {expected!r} for {code}")
        months = entry.whole("validity_months", None)
        if months == 0:
            raise entry.fail("validity_months", "must be at least 1 (leave it out for one-time)")
        self_report = entry.flag("self_report")
        if self_report and kind == "coach_course":
            # Coaching licences are never self-uploaded (DOMAIN.md section 7).
            raise entry.fail("self_report", "coach courses may not be self-reported")
        specs[code] = RequirementSpec(
            code=code,
            title=entry.text("title"),
            kind=kind,
            validity_months=months,
            renewal=entry.text("renewal", _renewal_words(months)),
            how_to=entry.text("how_to"),
            self_report=self_report,
            reminder_days=tuple(sorted(entry.wholes("reminder_days", default_reminders), reverse=True)),
        )
        entry.done()
    for code in REQUIREMENT_CODES:
        if code not in specs:
            raise table.fail(code, "missing requirement")
    return specs


def _roles(table: Table) -> dict[str, RoleSpec]:
    roles: dict[str, RoleSpec] = {}
    for code in table.codes():
        if code not in ROLES:
            raise table.fail(code, "unknown role")
        entry = table.table(code)
        requires = entry.texts("requires", choices=REQUIREMENT_CODES + (DIVISION_COURSE,))
        if len(set(requires)) != len(requires):
            raise entry.fail("requires", "lists a requirement twice")
        roles[code] = RoleSpec(code=code, title=entry.text("title"), requires=requires)
        entry.done()
    for code in ROLES:
        if code not in roles:
            raise table.fail(code, "missing role")
    return roles


def _satisfiers(
    nesting: Table, top: Table, requirements: Mapping[str, RequirementSpec]
) -> dict[str, tuple[str, ...]]:
    # counts_for[x] = codes a record of x also counts for, directly.
    counts_for: dict[str, list[str]] = {code: [] for code in REQUIREMENT_CODES}
    for code in nesting.codes():
        if code not in REQUIREMENT_CODES:
            raise nesting.fail(code, "unknown requirement code")
        counts_for[code].extend(nesting.texts(code, choices=REQUIREMENT_CODES))
    nesting.done()
    ladder = top.texts("referee_ladder", choices=REFEREE_CODES)
    if len(set(ladder)) != len(ladder):
        raise top.fail("referee_ladder", "lists a grade twice")
    for lower, higher in zip(ladder, ladder[1:], strict=False):
        counts_for[higher].append(lower)
    _refuse_cycles(counts_for, nesting, "nesting")
    satisfied_by: dict[str, list[str]] = {code: [code] for code in requirements}
    for code in REQUIREMENT_CODES:
        for covered in _reachable(code, counts_for):
            if covered != code:
                satisfied_by[covered].append(code)
    return {code: tuple(codes) for code, codes in satisfied_by.items()}


def _reachable(start: str, edges: Mapping[str, list[str]]) -> list[str]:
    seen: list[str] = []
    stack = [start]
    while stack:
        code = stack.pop()
        if code in seen:
            continue
        seen.append(code)
        stack.extend(edges.get(code, ()))
    return seen


def _refuse_cycles(edges: Mapping[str, list[str]], table: Table, what: str) -> None:
    for start, targets in edges.items():
        for target in targets:
            if start in _reachable(target, edges):
                raise table.fail(start, f"{what} has a cycle through {target!r}")


def _prerequisites(table: Table) -> dict[str, tuple[str, ...]]:
    needs: dict[str, list[str]] = {}
    for code in table.codes():
        if code not in COACH_COURSE_CODES:
            raise table.fail(code, "unknown course code")
        needs[code] = list(table.texts(code, choices=COACH_COURSE_CODES))
    table.done()
    _refuse_cycles(needs, table, "prerequisites")
    return {code: tuple(codes) for code, codes in needs.items() if codes}


def _risk(table: Table) -> tuple[str, dict[str, RiskStatusRule]]:
    requirement = table.choice("requirement", REQUIREMENT_CODES)
    statuses_table = table.table("statuses")
    statuses: dict[str, RiskStatusRule] = {}
    for status in statuses_table.codes():
        if status not in RISK_STATUSES:
            raise statuses_table.fail(status, "unknown risk status")
        entry = statuses_table.table(status)
        statuses[status] = RiskStatusRule(
            status=status,
            may_coach=entry.flag("may_coach"),
            meaning=entry.text("meaning"),
            next_step=entry.text("next_step", ""),
        )
        entry.done()
    for status in RISK_STATUSES:
        if status not in statuses:
            raise statuses_table.fail(status, "missing risk status")
    table.done()
    return requirement, statuses


def _field(table: Table) -> FieldSize:
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


def _divisions(
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
            field=_field(entry.table("field")),
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


def _heading(table: Table) -> HeadingSettings:
    settings = HeadingSettings(
        practice_minutes_per_week=table.whole("practice_minutes_per_week"),
        headers_warning_above=table.whole("headers_warning_above"),
        headers_limit=table.whole("headers_limit"),
        sanction_max_age=table.whole("sanction_max_age"),
        source=table.text("source"),
    )
    if settings.headers_warning_above > settings.headers_limit:
        raise table.fail("headers_warning_above", "is above headers_limit")
    table.done()
    return settings


def _crosscert(table: Table) -> CrossCertSettings:
    chain = table.texts("approval_chain", choices=APPROVER_ROLES)
    if not chain:
        raise table.fail("approval_chain", "must name at least one approver")
    preconditions = table.texts("preconditions", choices=_PRECONDITIONS + REQUIREMENT_CODES)
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
        licences[code] = LicenceRule(
            code=code, title=entry.text("title"), accepted=accepted, grants=grants, reason=reason
        )
        entry.done()
    for code in LICENCE_CODES:
        if code not in licences:
            raise licences_table.fail(code, "missing licence")
    table.done()
    return CrossCertSettings(
        approval_chain=chain, preconditions=preconditions, licences=MappingProxyType(licences)
    )


def _age_rules(top: Table) -> tuple[AgeRule, ...]:
    rules: list[AgeRule] = []
    for entry in top.tables("age_rules"):
        from_year = entry.whole("from_year")
        method = entry.choice("method", ("birth_year", "cutoff"))
        month, day = 1, 1
        if method == "cutoff":
            month, day = _month_day(entry)
        if rules and from_year <= rules[-1].from_year:
            raise entry.fail("from_year", "rules must be in increasing membership-year order")
        rules.append(AgeRule(from_year=from_year, method=method, cutoff_month=month, cutoff_day=day))
        entry.done()
    if not rules:
        raise top.fail("age_rules", "must hold at least one rule")
    return tuple(rules)


def _month_day(entry: Table) -> tuple[int, int]:
    text = entry.text("cutoff")
    parts = text.split("-")
    days_in = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if len(parts) == 2 and all(p.isdigit() and len(p) == 2 for p in parts):
        month, day = int(parts[0]), int(parts[1])
        if 1 <= month <= 12 and 1 <= day <= days_in[month - 1]:
            return month, day
    raise entry.fail("cutoff", "must be MM-DD (a day that exists every year)")
