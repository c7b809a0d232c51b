"""The path to eligibility and course prerequisites."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.rules import (
    InputError,
    Record,
    evaluate,
    path_to_ready,
    prerequisite_message,
    unmet_prerequisites,
)

from .conftest import AS_OF, complete_records

SEASON = date(2026, 10, 15)


def test_nothing_to_do_for_a_ready_coach(region60) -> None:
    assert path_to_ready(complete_records("coach_10u"), "10U", "head_coach", SEASON, AS_OF, region60) == ()


def test_advanced_course_comes_after_its_prerequisites(region60) -> None:
    actions = path_to_ready(complete_records(), "16U", "head_coach", SEASON, AS_OF, region60)
    assert [(a.code, a.kind, a.prerequisite_of) for a in actions] == [
        ("coach_12u", "take", "coach_advanced"),
        ("coach_intermediate", "take", "coach_advanced"),
        ("coach_advanced", "take", None),
    ]
    assert all(a.course == a.code and a.due_by == SEASON for a in actions)


def test_intermediate_holder_needs_only_advanced(region60) -> None:
    actions = path_to_ready(complete_records("coach_intermediate"), "19U", "head_coach", SEASON, AS_OF, region60)
    assert [a.code for a in actions] == ["coach_advanced"]


def test_renewal_before_the_target_date(region60) -> None:
    records = [r for r in complete_records("coach_10u") if r.requirement != "background_check"]
    records.append(Record("background_check", date(2025, 10, 1)))  # counts through 2026-09-30
    actions = path_to_ready(records, "10U", "head_coach", SEASON, AS_OF, region60)
    assert [(a.code, a.kind, a.due_by) for a in actions] == [("background_check", "renew", date(2026, 9, 30))]
    assert path_to_ready(records, "10U", "head_coach", date(2026, 9, 30), AS_OF, region60) == ()


def test_kinds_of_action(region60) -> None:
    records = [
        Record("safesport", date(2022, 1, 1)),
        Record("background_check", date(2026, 8, 1), risk_status="yellow"),
    ]
    actions = {a.code: a for a in path_to_ready(records, "6U", "head_coach", SEASON, AS_OF, region60)}
    assert actions["safesport"].kind == "renew"
    assert actions["background_check"].kind == "resolve" and actions["background_check"].course is None
    assert actions["safe_haven"].kind == "take"
    assert set(actions) == set(evaluate(records, "6U", "head_coach", AS_OF, region60).unmet)
    assert actions["coach_6u"].to_dict()["due_by"] == "2026-10-15"


def test_target_before_as_of_is_invalid(region60) -> None:
    with pytest.raises(InputError) as caught:
        path_to_ready([], "10U", "head_coach", date(2026, 1, 1), AS_OF, region60)
    assert caught.value.path == "target_date"


@pytest.mark.parametrize(
    ("held", "course", "missing"),
    [
        ([], "coach_advanced", ("coach_12u", "coach_intermediate")),
        (["coach_12u"], "coach_advanced", ("coach_intermediate",)),
        (["coach_intermediate"], "coach_advanced", ()),
        (["coach_national"], "coach_advanced", ()),
        ([], "coach_intermediate", ("coach_12u",)),
        (["coach_advanced"], "coach_intermediate", ("coach_12u",)),
        ([], "coach_10u", ()),
        ([], "coach_national", ("coach_12u", "coach_intermediate", "coach_advanced")),
    ],
)
def test_unmet_prerequisites(region60, held: list[str], course: str, missing: tuple[str, ...]) -> None:
    records = [Record(code, date(2020, 1, 1)) for code in held]
    assert unmet_prerequisites(course, records, AS_OF, region60) == missing


def test_a_future_record_is_not_a_prerequisite_yet(region60) -> None:
    records = [Record("coach_12u", date(2026, 12, 1))]
    assert unmet_prerequisites("coach_intermediate", records, AS_OF, region60) == ("coach_12u",)


def test_prerequisite_message(region60) -> None:
    text = prerequisite_message("coach_advanced", ("coach_12u", "coach_intermediate"))
    assert text == "Before the Advanced Coach course, complete 12U Coach, then Intermediate Coach."
    assert prerequisite_message("coach_10u", ()) == ""


def test_unknown_course(region60) -> None:
    with pytest.raises(InputError):
        unmet_prerequisites("safe_haven", [], AS_OF, region60)
