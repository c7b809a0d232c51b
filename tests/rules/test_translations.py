"""Policy and curriculum words in Spanish, Traditional and Simplified Chinese.

The shipped profiles and the School Yard curriculum translate every text;
a region's override may translate its own changes, or leave them English.
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coachready.rules import PolicyError, available_policies, load_policy, load_policy_file, schoolyard
from coachready.rules.policy_loader import POLICY_DIR, build_policy
from coachready.rules.schoolyard import CURRICULUM_FILE, load_curriculum
from coachready.rules.translations import LANGUAGES, Worded

# Every text-bearing kind of entry and the fields a reader sees.
POLICY_TEXTS = {
    "title": ("title",),
    "roles": ("title",),
    "requirements": ("title", "renewal", "how_to", "purpose"),
    "risk": ("meaning", "next_step"),
    "heading": ("source",),
    "licences": ("title", "reason"),
}
CURRICULUM_TEXTS = {
    "curriculum": ("title",),
    "weeks": ("title", "focus"),
    "activities": ("name", "description", "setup", "coaching_points", "easier", "harder"),
}


def _policy_entries(name: str) -> Iterator[tuple[str, Worded, tuple[str, ...]]]:
    policy = load_policy(name)
    yield "title", policy, POLICY_TEXTS["title"]
    for code, role in policy.roles.items():
        yield f"roles.{code}", role, POLICY_TEXTS["roles"]
    for code, spec in policy.requirements.items():
        yield f"requirements.{code}", spec, POLICY_TEXTS["requirements"]
    for status, rule in policy.risk_statuses.items():
        yield f"risk.statuses.{status}", rule, POLICY_TEXTS["risk"]
    yield "heading", policy.heading, POLICY_TEXTS["heading"]
    for code, licence in policy.crosscert.licences.items():
        yield f"crosscert.licences.{code}", licence, POLICY_TEXTS["licences"]


def _curriculum_entries() -> Iterator[tuple[str, Worded, tuple[str, ...]]]:
    curriculum = load_curriculum()
    yield "title", curriculum, CURRICULUM_TEXTS["curriculum"]
    for week in curriculum.weeks:
        yield f"week {week.week}", week, CURRICULUM_TEXTS["weeks"]
        for number, activity in enumerate(week.activities, start=1):
            yield f"week {week.week} activity {number}", activity, CURRICULUM_TEXTS["activities"]


def _shipped(source: str) -> Iterator[tuple[str, Worded, tuple[str, ...]]]:
    return _curriculum_entries() if source == "schoolyard" else _policy_entries(source)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("source", [*available_policies(), "schoolyard"])
def test_every_shipped_text_has_every_language(source: str, language: str) -> None:
    checked = 0
    for where, entry, fields in _shipped(source):
        for field in fields:
            english = getattr(entry, field)
            if not english:
                continue
            translated = entry.translations[language].get(field)
            assert translated, f"{source}: {where}.{field} has no {language} text"
            if isinstance(english, tuple):
                assert len(translated) == len(english), f"{source}: {where}.{field} ({language})"
                assert entry.texts(field, language) == translated
            else:
                assert entry.text(field, language) == translated
            checked += 1
    assert checked > 20


# Characters that only one of the two Chinese scripts writes.
TRADITIONAL_ONLY = set("們這個練區會與時點議協認證書")
SIMPLIFIED_ONLY = set("们这个练区会与时点议协认证书")


@pytest.mark.parametrize("source", [*available_policies(), "schoolyard"])
def test_each_chinese_text_is_in_its_own_script(source: str) -> None:
    for where, entry, fields in _shipped(source):
        for field in fields:
            for language, foreign in (("zh-hant", SIMPLIFIED_ONLY), ("zh-hans", TRADITIONAL_ONLY)):
                value = entry.translations.get(language, {}).get(field, "")
                words = "".join(value) if isinstance(value, tuple) else value
                assert not foreign & set(words), f"{source}: {where}.{field} ({language}): {words}"
                # Simplified Chinese quotes with “”, Traditional with 「」.
                assert language == "zh-hant" or "「" not in words, f"{source}: {where}.{field}: {words}"


def test_english_is_the_text_itself_and_other_languages_fall_back_to_it() -> None:
    spec = load_policy("region-60").requirements["safe_haven"]
    assert spec.text("how_to", "en") == spec.how_to
    assert spec.text("how_to", "fr") == spec.how_to
    assert "«Volunteer»" in spec.text("how_to", "es")
    assert "「Volunteer」" in spec.text("how_to", "zh-hant")
    assert "“Volunteer”" in spec.text("how_to", "zh-hans")
    assert load_policy("region-60").title_of("sudden_cardiac_arrest", "es") == (
        "Paro cardíaco repentino (Sudden Cardiac Arrest)"
    )
    assert load_policy("region-60").title_of("nothing_like_it", "es") == "nothing_like_it"


# ------------------------------------------------------------ a shipped profile


def _raw(name: str = "region-60") -> dict[str, Any]:
    return tomllib.loads((POLICY_DIR / f"{name}.toml").read_text(encoding="utf-8"))


def _drop(raw: dict[str, Any], path: str) -> None:
    *tables, last = path.split(".")
    for key in tables:
        raw = raw[key]
    del raw[last]


@pytest.mark.parametrize(
    "dropped, key",
    [
        ("text.es.title", "text.es.title"),
        ("roles.head_coach.text.zh-hant.title", "roles.head_coach.text.zh-hant.title"),
        ("requirements.safe_haven.text.zh-hans.how_to", "requirements.safe_haven.text.zh-hans.how_to"),
        ("requirements.safesport.text.es.renewal", "requirements.safesport.text.es.renewal"),
        ("requirements.coach_national.text.zh-hant.purpose", "requirements.coach_national.text.zh-hant.purpose"),
        ("risk.statuses.yellow.text.es.next_step", "risk.statuses.yellow.text.es.next_step"),
        ("heading.text.zh-hans.source", "heading.text.zh-hans.source"),
        ("crosscert.licences.ussf_d.text.es.reason", "crosscert.licences.ussf_d.text.es.reason"),
        # A whole language left out: its first text is named.
        ("requirements.concussion.text.zh-hant", "requirements.concussion.text.zh-hant.title"),
    ],
)
def test_a_shipped_profile_missing_a_translation_is_refused(dropped: str, key: str) -> None:
    raw = _raw()
    _drop(raw, dropped)
    with pytest.raises(PolicyError) as caught:
        build_policy(raw, "region-60", "policies/region-60.toml", complete=True)
    # The message names the file, the entry, the language and the field.
    assert caught.value.source == "policies/region-60.toml"
    assert caught.value.key == key
    assert caught.value.problem == f"missing translation ({key.split('.')[-2]})"


def test_the_first_missing_translation_of_the_title_is_named_exactly() -> None:
    raw = _raw()
    _drop(raw, "text.es.title")
    with pytest.raises(PolicyError) as caught:
        build_policy(raw, "region-60", "policies/region-60.toml", complete=True)
    assert str(caught.value) == "policies/region-60.toml: text.es.title: missing translation (es)"


@pytest.mark.parametrize(
    "edit, key, problem",
    [
        (lambda raw: raw["requirements"]["safe_haven"]["text"].update({"fr": {"title": "Havre"}}),
         "requirements.safe_haven.text.fr", "unknown language"),
        (lambda raw: raw["requirements"]["safe_haven"]["text"]["es"].update({"titel": "x"}),
         "requirements.safe_haven.text.es.titel", "not a text of this entry"),
        (lambda raw: raw["requirements"]["safe_haven"]["text"]["es"].update({"title": "  "}),
         "requirements.safe_haven.text.es.title", "is empty"),
        (lambda raw: raw["requirements"]["safe_haven"]["text"]["es"].update({"title": 3}),
         "requirements.safe_haven.text.es.title", "must be a string"),
        (lambda raw: raw["roles"]["head_coach"]["text"].update({"es": "Entrenador"}),
         "roles.head_coach.text.es", "must be a table"),
    ],
)
def test_bad_translations_are_refused(edit, key: str, problem: str) -> None:
    raw = _raw()
    edit(raw)
    with pytest.raises(PolicyError) as caught:
        build_policy(raw, "region-60", "policies/region-60.toml")
    assert caught.value.key == key
    assert problem in caught.value.problem


def test_a_profile_of_ones_own_may_be_english_only() -> None:
    raw = _raw()

    def strip(table: dict[str, Any]) -> None:
        table.pop("text", None)
        for value in table.values():
            if isinstance(value, dict):
                strip(value)

    strip(raw)
    policy = build_policy(raw, "mine", "mine.toml")
    assert policy.requirements["safe_haven"].text("how_to", "es") == policy.requirements["safe_haven"].how_to
    with pytest.raises(PolicyError, match="missing translation"):
        build_policy(copy.deepcopy(raw), "mine", "mine.toml", complete=True)


def test_a_file_outside_the_shipped_ones_loads_without_translations(tmp_path: Path) -> None:
    lines = (POLICY_DIR / "ayso-national.toml").read_text(encoding="utf-8").split("\n")
    kept, skipping = [], False
    for line in lines:
        if line.startswith("["):
            skipping = line.startswith("[requirements.safesport.text.")
        if not skipping:
            kept.append(line)
    path = tmp_path / "ours.toml"
    path.write_text("\n".join(kept), encoding="utf-8")
    spec = load_policy_file(path).requirements["safesport"]
    assert spec.text("how_to", "zh-hant") == spec.how_to
    assert spec.text("renewal", "es") == "every 12 months"


# -------------------------------------------------------------- region overrides

RENAMED = "Ask the Regional Commissioner which course the region runs."


@pytest.mark.parametrize(
    "overrides, code, field, expected",
    [
        # An English change without translations: every language shows it.
        ({"requirements": {"safesport": {"how_to": RENAMED}}}, "safesport", "how_to",
         {"es": RENAMED, "zh-hant": RENAMED, "zh-hans": RENAMED}),
        # The entry's other words keep the shipped translations.
        ({"requirements": {"safesport": {"how_to": RENAMED}}}, "safesport", "title",
         {"es": "SafeSport", "zh-hant": "SafeSport", "zh-hans": "SafeSport"}),
        # The override translates its change into one language only.
        ({"requirements": {"safesport": {"how_to": RENAMED, "text": {"es": {"how_to": "Pregunte."}}}}},
         "safesport", "how_to", {"es": "Pregunte.", "zh-hant": RENAMED, "zh-hans": RENAMED}),
        # A translation alone, the English unchanged.
        ({"requirements": {"safe_haven": {"text": {"es": {"title": "Safe Haven (refugio seguro)"}}}}},
         "safe_haven", "title", {"es": "Safe Haven (refugio seguro)", "zh-hant": "Safe Haven",
                                 "zh-hans": "Safe Haven"}),
        # A new period without words: the engine words it in every language.
        ({"requirements": {"sudden_cardiac_arrest": {"validity_months": 24}}}, "sudden_cardiac_arrest", "renewal",
         {"en": "every 2 years", "es": "cada 2 años", "zh-hant": "每2年", "zh-hans": "每2年"}),
        ({"requirements": {"sudden_cardiac_arrest": {"validity_months": 12}}}, "sudden_cardiac_arrest", "renewal",
         {"en": "annually", "es": "cada año", "zh-hant": "每年", "zh-hans": "每年"}),
        ({"requirements": {"sudden_cardiac_arrest": {"validity_months": 18}}}, "sudden_cardiac_arrest", "renewal",
         {"en": "every 18 months", "es": "cada 18 meses", "zh-hant": "每18個月", "zh-hans": "每18个月"}),
    ],
)
def test_a_regions_override_falls_back_to_its_english(
    overrides: dict[str, Any], code: str, field: str, expected: dict[str, str]
) -> None:
    spec = load_policy("region-60", overrides).requirements[code]
    assert {language: spec.text(field, language) for language in expected} == expected


def test_an_overridden_role_title_is_shown_as_the_region_wrote_it() -> None:
    policy = load_policy("ayso-national", {"roles": {"head_coach": {"title": "Lead Coach"}}})
    assert policy.roles["head_coach"].text("title", "zh-hant") == "Lead Coach"
    assert policy.roles["assistant_coach"].text("title", "zh-hant") == "助理教練"
    # The shipped profile is untouched.
    assert load_policy("ayso-national").roles["head_coach"].text("title", "zh-hant") == "主教練"


def test_an_override_in_an_unknown_language_is_refused() -> None:
    with pytest.raises(PolicyError, match="unknown language"):
        load_policy("region-60", {"requirements": {"safe_haven": {"text": {"de": {"title": "Sicherer Hafen"}}}}})


# ------------------------------------------------------------------ curriculum


def _curriculum_without(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line_start: str) -> Path:
    """The shipped curriculum less the first `line_start` line after the
    first Simplified Chinese activity table, checked as the shipped file."""
    lines = CURRICULUM_FILE.read_text(encoding="utf-8").split("\n")
    table = lines.index("[weeks.activities.text.zh-hans]")
    dropped = next(i for i in range(table, len(lines)) if lines[i].startswith(line_start))
    del lines[dropped]
    path = tmp_path / "schoolyard.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr(schoolyard, "CURRICULUM_FILE", path)
    return path


@pytest.mark.parametrize("field", ["name", "coaching_points", "harder"])
def test_the_shipped_curriculum_missing_a_translation_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    path = _curriculum_without(tmp_path, monkeypatch, f"{field} = ")
    with pytest.raises(PolicyError) as caught:
        load_curriculum(path)
    assert caught.value.key == f"weeks[0].activities[0].text.zh-hans.{field}"
    assert caught.value.problem == "missing translation (zh-hans)"


def test_another_curriculum_file_may_leave_translations_out(tmp_path: Path) -> None:
    lines = CURRICULUM_FILE.read_text(encoding="utf-8").split("\n")
    table = lines.index("[weeks.activities.text.zh-hans]")
    del lines[table + 1]
    path = tmp_path / "ours.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    first = load_curriculum(path).week(1).activities[0]
    assert first.text("name", "zh-hans") == first.name
    assert first.text("name", "zh-hant") == "跟著大人走"


def test_coaching_points_keep_the_english_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = CURRICULUM_FILE.read_text(encoding="utf-8")
    first = text.index("[weeks.activities.text.es]")
    start = text.index("coaching_points = [", first)
    end = text.index("]", start)
    path = tmp_path / "short.toml"
    path.write_text(text[:start] + 'coaching_points = ["Mira hacia adelante."' + text[end:], encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_curriculum(path)
    assert caught.value.key == "weeks[0].activities[0].text.es.coaching_points"
    assert caught.value.problem == "must have 2 items, like the English"


def test_the_plan_stays_english_for_the_contract() -> None:
    session = schoolyard.plan_season(date(2026, 9, 12), 1).sessions[0].to_dict()
    assert session["title"] == "Hello, ball!"
    assert session["activities"][0]["name"] == "Follow my grown-up"
