"""Load and validate policy profiles from TOML.

A profile is checked completely when loaded: an unknown code, a cycle in
course nesting, a missing division or a negative period is a `PolicyError`
naming the file and the key, so a bad profile never reaches a verdict.
"""

from __future__ import annotations

import json
import threading
import tomllib
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .codes import (
    COACH_COURSE_CODES,
    DIVISION_COURSE,
    DIVISIONS,
    REFEREE_CODES,
    REQUIREMENT_CODES,
    REQUIREMENT_KINDS,
    RISK_STATUSES,
    ROLES,
)
from .errors import PolicyError
from .policy import (
    Policy,
    RequirementSpec,
    RiskStatusRule,
    RoleSpec,
)
from .policy_tables import read_age_rules, read_crosscert, read_divisions, read_heading
from .tomlreader import Table
from .translations import drop_stale_translations, read_translations, renewal_words

POLICY_DIR = Path(__file__).parent / "policies"
DEFAULT_POLICY = "region-60"

_cache: dict[str, Policy] = {}
_lock = threading.Lock()
# Policies with a region's overrides, keyed by their content (name and
# overrides as canonical JSON), so a changed override is simply another key.
# Building one means reading and validating the whole profile, which every
# page of a region with overrides would otherwise pay.
_with_overrides: OrderedDict[str, Policy] = OrderedDict()
_WITH_OVERRIDES_MAX = 256


def available_policies() -> list[str]:
    """Names of the policy profiles shipped with the engine."""
    return sorted(path.stem for path in POLICY_DIR.glob("*.toml"))


def load_policy(name: str = DEFAULT_POLICY, overrides: Mapping[str, Any] | None = None) -> Policy:
    """The named policy, validated; cached per name when there are no overrides.

    `overrides` is a nested mapping merged over the profile's TOML before
    validation, so a region can change, say,
    `{"requirements": {"safesport": {"validity_months": 12}}}`.
    """
    key = json.dumps([name, overrides], sort_keys=True, default=str) if overrides else ""
    with _lock:
        cached = _with_overrides.get(key) if overrides else _cache.get(name)
        if cached is not None:
            if overrides:
                _with_overrides.move_to_end(key)
            return cached
    if name not in available_policies():
        raise PolicyError(
            name, "", f"no such policy profile; available: {', '.join(available_policies())}"
        )
    path = POLICY_DIR / f"{name}.toml"
    if overrides:
        # The shipped profile is checked whole (every translation) first; the
        # override may then leave its own changes untranslated.
        load_policy(name)
        policy = load_policy_file(path, overrides)
        with _lock:
            _with_overrides[key] = policy
            while len(_with_overrides) > _WITH_OVERRIDES_MAX:
                _with_overrides.popitem(last=False)
        return policy
    with _lock:
        cached = _cache.get(name)
        if cached is None:
            cached = _cache[name] = load_policy_file(path)
        return cached


def load_policy_file(path: Path | str, overrides: Mapping[str, Any] | None = None) -> Policy:
    """Load a profile from any TOML file (named after the file's stem).

    A shipped profile without overrides must translate every text into every
    language (`wording.LANGUAGES`); other files and overridden profiles fall
    back to English where they have no translation.
    """
    path = Path(path)
    shipped = path.parent == POLICY_DIR
    source = f"policies/{path.name}" if shipped else str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(source, "", f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, "", f"not valid TOML: {exc}") from exc
    if overrides:
        raw = merge(raw, overrides)
        drop_stale_translations(raw, overrides)
        changed = overrides.get("requirements")
        for code, entry in changed.items() if isinstance(changed, Mapping) else ():
            if isinstance(entry, Mapping) and "validity_months" in entry and "renewal" not in entry:
                # The profile's words describe its own period; derive new ones.
                table = raw["requirements"].get(code)
                if isinstance(table, dict):
                    table.pop("renewal", None)
                    drop_stale_translations(table, {"renewal": ""})
    return build_policy(raw, name=path.stem, source=source, complete=shipped and not overrides)


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


def build_policy(raw: Mapping[str, Any], name: str, source: str, complete: bool = False) -> Policy:
    """Validate parsed profile data and build the Policy.

    `complete` requires a translation of every text in every language.
    """
    top = Table(raw, "", source)
    title = top.text("title")
    translations = read_translations(top, {"title": title}, complete)
    warning_days = top.whole("warning_days")
    default_reminders = top.wholes("reminder_days", (60, 30, 7, 0))
    requirements = _requirements(top.table("requirements"), default_reminders, complete)
    roles = _roles(top.table("roles"), complete)
    satisfiers = _satisfiers(top.table("nesting"), top, requirements)
    prerequisites = _prerequisites(top.table("prerequisites", {}))
    risk_requirement, risk_statuses = _risk(top.table("risk"), complete)
    division_rules = read_divisions(top.table("divisions"), requirements)
    heading = read_heading(top.table("heading"), complete)
    crosscert = read_crosscert(top.table("crosscert"), complete)
    age_rules = read_age_rules(top)
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
        translations=translations,
    )


def _kind_of(code: str) -> str:
    if code in REFEREE_CODES:
        return "referee"
    if code in COACH_COURSE_CODES:
        return "coach_course"
    return ""


def _requirements(
    table: Table, default_reminders: tuple[int, ...], complete: bool
) -> dict[str, RequirementSpec]:
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
            raise entry.fail("self_report", "coach courses may not be self-reported (see online_report)")
        online_report = entry.flag("online_report", False)
        if online_report and kind != "coach_course":
            # Other requirements are reported through self_report.
            raise entry.fail("online_report", "only coach courses have an online report; use self_report")
        title, how_to, purpose = entry.text("title"), entry.text("how_to"), entry.text("purpose", "")
        derived = renewal_words(months)
        renewal = entry.text("renewal", None)
        english = {"title": title, "renewal": renewal or derived["en"], "how_to": how_to, "purpose": purpose}
        specs[code] = RequirementSpec(
            code=code,
            title=title,
            kind=kind,
            validity_months=months,
            renewal=english["renewal"],
            how_to=how_to,
            self_report=self_report,
            reminder_days=tuple(sorted(entry.wholes("reminder_days", default_reminders), reverse=True)),
            online_report=online_report,
            purpose=purpose,
            # Words the engine derives for a period the profile does not
            # describe come in every language; the profile's own need its own.
            translations=read_translations(
                entry, english, complete, None if renewal is not None else {"renewal": derived}
            ),
        )
        entry.done()
    for code in REQUIREMENT_CODES:
        if code not in specs:
            raise table.fail(code, "missing requirement")
    return specs


def _roles(table: Table, complete: bool) -> dict[str, RoleSpec]:
    roles: dict[str, RoleSpec] = {}
    for code in table.codes():
        if code not in ROLES:
            raise table.fail(code, "unknown role")
        entry = table.table(code)
        requires = entry.texts("requires", choices=REQUIREMENT_CODES + (DIVISION_COURSE,))
        if len(set(requires)) != len(requires):
            raise entry.fail("requires", "lists a requirement twice")
        title = entry.text("title")
        roles[code] = RoleSpec(
            code=code,
            title=title,
            requires=requires,
            translations=read_translations(entry, {"title": title}, complete),
        )
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


def _risk(table: Table, complete: bool) -> tuple[str, dict[str, RiskStatusRule]]:
    requirement = table.choice("requirement", REQUIREMENT_CODES)
    statuses_table = table.table("statuses")
    statuses: dict[str, RiskStatusRule] = {}
    for status in statuses_table.codes():
        if status not in RISK_STATUSES:
            raise statuses_table.fail(status, "unknown risk status")
        entry = statuses_table.table(status)
        meaning, next_step = entry.text("meaning"), entry.text("next_step", "")
        statuses[status] = RiskStatusRule(
            status=status,
            may_coach=entry.flag("may_coach"),
            meaning=meaning,
            next_step=next_step,
            translations=read_translations(
                entry, {"meaning": meaning, "next_step": next_step}, complete
            ),
        )
        entry.done()
    for status in RISK_STATUSES:
        if status not in statuses:
            raise statuses_table.fail(status, "missing risk status")
    table.done()
    return requirement, statuses
