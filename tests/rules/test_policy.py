"""Policy profiles load, validate, and refuse broken data with the file and key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coachready.rules import PolicyError, available_policies, load_policy, load_policy_file
from coachready.rules.codes import DIVISIONS, LICENCE_CODES, REQUIREMENT_CODES
from coachready.rules.policy_loader import POLICY_DIR, merge


def test_shipped_profiles() -> None:
    assert available_policies() == ["ayso-national", "region-60"]


@pytest.mark.parametrize("name", ["region-60", "ayso-national"])
def test_profile_holds_every_code(name: str) -> None:
    policy = load_policy(name)
    assert policy.name == name
    assert policy.divisions == DIVISIONS
    assert set(policy.requirements) == set(REQUIREMENT_CODES)
    assert set(policy.crosscert.licences) == set(LICENCE_CODES)
    assert policy.warning_days == 60


def test_default_is_region_60_and_cached() -> None:
    assert load_policy() is load_policy("region-60")
    assert load_policy("region-60", {"warning_days": 30}) is not load_policy("region-60")


def test_region_60_numbers() -> None:
    policy = load_policy()
    months = {code: spec.validity_months for code, spec in policy.requirements.items()}
    assert months["safesport"] == 36
    assert months["background_check"] == 12
    assert all(months[c] is None for c in REQUIREMENT_CODES if c not in ("safesport", "background_check"))
    assert policy.requirements["safesport"].renewal == "every 3 years"
    assert policy.requirements["background_check"].renewal == "annually"
    assert policy.requirements["safe_haven"].renewal == "one-time"
    assert "30 minutes" in policy.requirements["safesport"].how_to
    assert policy.reminder_days("safesport") == (60, 30, 7, 0)
    assert policy.prerequisites == {
        "coach_intermediate": ("coach_12u",),
        "coach_advanced": ("coach_intermediate",),
        "coach_national": ("coach_advanced",),
    }
    assert policy.field_for("U10").goal_area_depth == 5.5


def test_national_numbers() -> None:
    policy = load_policy("ayso-national")
    assert policy.requirements["safesport"].validity_months == 12
    assert policy.requirements["safesport"].renewal == "every 12 months"


@pytest.mark.parametrize("code", REQUIREMENT_CODES)
def test_coaching_licences_are_never_self_reported(code: str) -> None:
    spec = load_policy().requirements[code]
    assert spec.self_report is (spec.kind not in ("coach_course", "background"))


def _broken(tmp_path: Path, edit) -> Path:
    raw = tomllib.loads((POLICY_DIR / "region-60.toml").read_text())
    edit(raw)
    path = tmp_path / "broken.toml"
    path.write_text(_dump(raw))
    return path


def _dump(value, prefix: str = "") -> str:
    """Just enough TOML writing for these tests (tables, arrays, scalars)."""
    lines, arrays, tables = [], [], []
    for key, item in value.items():
        name = f'"{key}"' if not key.replace("_", "").replace("-", "").isalnum() else key
        if isinstance(item, dict):
            tables.append((f"{prefix}{name}", item))
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            arrays += [f"[[{prefix}{name}]]\n" + _dump(entry) for entry in item]
        else:
            lines.append(f"{name} = {_scalar(item)}")
    text = "\n".join(lines + arrays) + "\n"
    for name, table in tables:
        text += f"\n[{name}]\n" + _dump(table, f"{name}.")
    return text


def _scalar(item) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, str):
        return '"' + item.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(item, list):
        return "[" + ", ".join(_scalar(i) for i in item) + "]"
    return repr(item)


def test_round_trip_of_the_test_writer(tmp_path: Path) -> None:
    policy = load_policy_file(_broken(tmp_path, lambda raw: None))
    assert policy.requirements["safesport"].validity_months == 36


@pytest.mark.parametrize(
    ("edit", "key", "problem"),
    [
        (lambda r: r["requirements"]["safesport"].update(validity_months=-3),
         "requirements.safesport.validity_months", "must not be negative"),
        (lambda r: r["requirements"].update(first_aid={"title": "x", "kind": "safety", "how_to": "x",
                                                         "self_report": True}),
         "requirements.first_aid", "unknown requirement code"),
        (lambda r: r["divisions"].pop("9U"), "divisions.9U", "missing division"),
        (lambda r: r["nesting"].update(coach_intermediate=["coach_national"]),
         "nesting.", "cycle"),
        (lambda r: r["prerequisites"].update(coach_12u=["coach_advanced"]), "prerequisites.", "cycle"),
        (lambda r: r["roles"]["head_coach"]["requires"].append("first_aid"),
         "roles.head_coach.requires", "unknown code 'first_aid'"),
        (lambda r: r.update(warning_dayz=60), "warning_dayz", "unknown key"),
        (lambda r: r["divisions"]["10U"].update(course="coach_8"), "divisions.10U.course", "unknown value"),
        (lambda r: r["crosscert"]["licences"]["ussf_e"].update(grants=[]),
         "crosscert.licences.ussf_e.grants", "accepted licence"),
        (lambda r: r["requirements"]["coach_10u"].update(self_report=True),
         "requirements.coach_10u.self_report", "may not be self-reported"),
        (lambda r: r["requirements"]["safe_haven"].update(online_report=True),
         "requirements.safe_haven.online_report", "only coach courses"),
        (lambda r: r["requirements"]["coach_6u"].update(online_report="yes"),
         "requirements.coach_6u.online_report", "must be true or false"),
        (lambda r: r["risk"]["statuses"].pop("gray"), "risk.statuses.gray", "missing risk status"),
        (lambda r: r["divisions"]["12U"].update(ages=[12, 12]), "divisions.12U.ages", "previous"),
        (lambda r: r["heading"].update(headers_limit=10), "heading.headers_warning_above", "above"),
        (lambda r: r["age_rules"][1].update(cutoff="02-30"), "age_rules[1].cutoff", "MM-DD"),
    ],
)
def test_broken_profiles_name_file_and_key(tmp_path: Path, edit, key: str, problem: str) -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy_file(_broken(tmp_path, edit))
    assert caught.value.source.endswith("broken.toml")
    assert caught.value.key.startswith(key)
    assert problem in caught.value.problem
    assert str(caught.value).startswith(caught.value.source)


def test_overrides_are_validated_too() -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy("region-60", {"requirements": {"safesport": {"validity_months": -1}}})
    assert caught.value.key == "requirements.safesport.validity_months"
    assert caught.value.source == "policies/region-60.toml"


def test_unknown_profile() -> None:
    with pytest.raises(PolicyError):
        load_policy("region-999")


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("title = ")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy_file(path)


def test_merge_is_deep_and_copies() -> None:
    base = {"a": {"b": 1, "c": 2}, "d": [1]}
    assert merge(base, {"a": {"b": 5}, "d": [2]}) == {"a": {"b": 5, "c": 2}, "d": [2]}
    assert base == {"a": {"b": 1, "c": 2}, "d": [1]}


def test_requirements_are_read_only() -> None:
    with pytest.raises(TypeError):
        load_policy().requirements["safesport"] = None  # type: ignore[index]


# DOMAIN.md section 3 and the profiles' how_to: Schoolyard, 6U and 8U are in
# the Training Library; 10U has an on-field part; 12U and up are Training
# Events only.
@pytest.mark.parametrize("profile", ["region-60", "ayso-national"])
@pytest.mark.parametrize(("course", "online"), [
    ("coach_schoolyard", True), ("coach_6u", True), ("coach_8u", True), ("coach_10u", False),
    ("coach_12u", False), ("coach_intermediate", False), ("coach_advanced", False), ("coach_national", False),
    ("safe_haven", False),
])
def test_which_courses_may_be_reported_done_online(profile: str, course: str, online: bool) -> None:
    spec = load_policy(profile).requirements[course]
    assert spec.online_report is (online and spec.kind == "coach_course")
    assert spec.reportable is (online or spec.self_report)


def test_a_region_may_turn_the_online_report_off() -> None:
    policy = load_policy("region-60", {"requirements": {"coach_6u": {"online_report": False}}})
    assert not policy.requirements["coach_6u"].reportable


def test_a_policy_with_overrides_is_built_once_per_content() -> None:
    overrides = {"requirements": {"safesport": {"validity_months": 12}}}
    first = load_policy("region-60", overrides)
    assert load_policy("region-60", {"requirements": {"safesport": {"validity_months": 12}}}) is first
    overrides["requirements"]["safesport"]["validity_months"] = 24
    changed = load_policy("region-60", overrides)
    assert changed is not first
    assert (first.requirements["safesport"].validity_months, changed.requirements["safesport"].validity_months) == (
        12, 24)
