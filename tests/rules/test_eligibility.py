"""Division eligibility (CONTRACTS.md section 1) against the seed page."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from coachready.rules import InputError, Record, evaluate, load_policy
from coachready.rules.codes import COACH_COURSE_CODES, DIVISIONS, RISK_STATUSES

from .conftest import AS_OF, complete_records

# The seed page plus DOMAIN.md section 3: division -> the coach course it needs.
DIVISION_COURSE = {
    "schoolyard": "coach_schoolyard",
    "6U": "coach_6u",
    "7U": "coach_8u",
    "8U": "coach_8u",
    "9U": "coach_10u",
    "10U": "coach_10u",
    "12U": "coach_12u",
    "14U": "coach_intermediate",
    "16U": "coach_advanced",
    "19U": "coach_advanced",
}
# Which held courses meet each division's course (nesting: National > Advanced > Intermediate).
MEETS = {
    "coach_schoolyard": {"coach_schoolyard"},
    "coach_6u": {"coach_6u"},
    "coach_8u": {"coach_8u"},
    "coach_10u": {"coach_10u"},
    "coach_12u": {"coach_12u"},
    "coach_intermediate": {"coach_intermediate", "coach_advanced", "coach_national"},
    "coach_advanced": {"coach_advanced", "coach_national"},
}


def test_contract_example_shape(region60) -> None:
    records = [
        Record("safe_haven", date(2021, 5, 1)),
        Record("background_check", date(2026, 7, 15), risk_status="green"),
        Record("safesport", date(2024, 8, 1), valid_until=date(2027, 7, 31)),
    ]
    result = evaluate(records, "10U", "head_coach", AS_OF, region60).to_dict()
    assert list(result)[:8] == [
        "eligible", "as_of", "division", "role", "policy", "requirements", "unmet", "expiring",
    ]
    assert result["eligible"] is False
    assert (result["as_of"], result["division"], result["role"], result["policy"]) == (
        "2026-09-01", "10U", "head_coach", "region-60",
    )
    assert [r["code"] for r in result["requirements"]] == [
        "safe_haven", "concussion", "sudden_cardiac_arrest", "safesport",
        "background_check", "live_scan", "referee_regional", "coach_10u",
    ]
    first = result["requirements"][0]
    assert {k: first[k] for k in ("code", "title", "status", "valid_until", "satisfied_by")} == {
        "code": "safe_haven", "title": "Safe Haven", "status": "met",
        "valid_until": None, "satisfied_by": "safe_haven",
    }
    assert result["requirements"][3]["valid_until"] == "2027-07-31"
    assert result["unmet"] == [
        "concussion", "sudden_cardiac_arrest", "live_scan", "referee_regional", "coach_10u",
    ]
    assert result["expiring"] == []
    json.dumps(result)  # JSON-ready throughout


@pytest.mark.parametrize(("division", "course"), sorted(DIVISION_COURSE.items()))
def test_division_needs_its_course(region60, division: str, course: str) -> None:
    assert region60.course_for_division(division) == course
    assert region60.requirements_for("head_coach", division)[-1] == course
    verdict = evaluate(complete_records(course), division, "head_coach", AS_OF, region60)
    assert verdict.eligible, verdict.explain()
    assert verdict.status_of(course).satisfied_by == course


@pytest.mark.parametrize("division", DIVISIONS)
@pytest.mark.parametrize("held", COACH_COURSE_CODES)
def test_which_courses_count_for_a_division(region60, division: str, held: str) -> None:
    needed = DIVISION_COURSE[division]
    verdict = evaluate(complete_records(held), division, "head_coach", AS_OF, region60)
    counts = held in MEETS.get(needed, {needed})
    assert verdict.eligible is counts
    status = verdict.status_of(needed)
    if counts:
        assert (status.status, status.satisfied_by) == ("met", held)
    else:
        assert (status.status, status.satisfied_by) == ("missing", None)
        assert verdict.unmet == (needed,)


def test_advanced_coach_wanting_10u_is_told_why(region60) -> None:
    verdict = evaluate(complete_records("coach_advanced"), "10U", "head_coach", AS_OF, region60)
    status = verdict.status_of("coach_10u")
    assert status.status == "missing"
    assert status.message.startswith(
        "Take the 10U Coach course; an Advanced Coach certificate does not count for 10U."
    )


def test_national_coach_satisfies_advanced(region60) -> None:
    verdict = evaluate(complete_records("coach_national"), "19U", "head_coach", AS_OF, region60)
    assert verdict.eligible
    assert verdict.status_of("coach_advanced").satisfied_by == "coach_national"


@pytest.mark.parametrize("spelling", ["10U", "10u", "U10", "u10", " 10U "])
def test_division_spellings(region60, spelling: str) -> None:
    assert evaluate([], spelling, "head_coach", AS_OF, region60).division == "10U"


@pytest.mark.parametrize("spelling", ["SchoolYard", "SCHOOLYARD", "schoolyard"])
def test_schoolyard_spellings(region60, spelling: str) -> None:
    assert evaluate([], spelling, "head_coach", AS_OF, region60).division == "schoolyard"


@pytest.mark.parametrize("bad", ["11U", "U", "20U", "", "10"])
def test_unknown_division_is_an_input_error(region60, bad: str) -> None:
    with pytest.raises(InputError) as caught:
        evaluate([], bad, "head_coach", AS_OF, region60)
    assert (caught.value.code, caught.value.path) == ("invalid_value", "division")


def test_unknown_role_is_an_input_error(region60) -> None:
    with pytest.raises(InputError) as caught:
        evaluate([], "10U", "referee", AS_OF, region60)
    assert (caught.value.code, caught.value.path) == ("invalid_value", "role")


@pytest.mark.parametrize(
    ("grade", "counts"),
    [
        ("referee_regional", True),
        ("referee_intermediate", True),
        ("referee_advanced", True),
        ("referee_national", True),
    ],
)
def test_any_referee_grade_satisfies_regional(region60, grade: str, counts: bool) -> None:
    records = [r for r in complete_records("coach_10u") if r.requirement != "referee_regional"]
    records.append(Record(grade, date(2018, 1, 1)))
    status = evaluate(records, "10U", "head_coach", AS_OF, region60).status_of("referee_regional")
    assert (status.status, status.satisfied_by) == ("met", grade)


def test_referee_grades_do_not_satisfy_higher_ones(region60) -> None:
    assert region60.satisfiers["referee_advanced"] == ("referee_advanced", "referee_national")
    assert "referee_regional" not in region60.satisfiers["referee_intermediate"]


@pytest.mark.parametrize(
    ("risk_status", "status"),
    [
        (None, "met"),
        ("green", "met"),
        ("orange", "met"),
        ("yellow", "blocked"),
        ("brown", "blocked"),
        ("blue", "blocked"),
        ("red", "blocked"),
        ("gray", "blocked"),
        ("blank", "blocked"),
    ],
)
def test_risk_status(region60, risk_status: str | None, status: str) -> None:
    records = [r for r in complete_records("coach_10u") if r.requirement != "background_check"]
    records.append(Record("background_check", date(2026, 7, 15), risk_status=risk_status))
    verdict = evaluate(records, "10U", "head_coach", AS_OF, region60)
    found = verdict.status_of("background_check")
    assert found.status == status
    assert verdict.eligible is (status == "met")
    if status == "blocked":
        assert found.record is not None and found.record.risk_status == risk_status
        assert f"risk status is {risk_status}" in found.message
        assert found.satisfied_by is None


def test_every_risk_status_is_classified(region60) -> None:
    assert set(region60.risk_statuses) == set(RISK_STATUSES)
    assert region60.coach_risk_statuses == {"green", "orange"}


def test_a_blocked_check_does_not_cancel_a_good_one(region60) -> None:
    records = complete_records("coach_10u")
    records.append(Record("background_check", date(2026, 8, 1), risk_status="yellow"))
    assert evaluate(records, "10U", "head_coach", AS_OF, region60).eligible


def test_lapsed_background_check_says_how_to_renew(region60) -> None:
    records = [r for r in complete_records("coach_10u") if r.requirement != "background_check"]
    records.append(Record("background_check", date(2025, 6, 1)))
    status = evaluate(records, "10U", "head_coach", AS_OF, region60).status_of("background_check")
    assert status.status == "expired"
    assert status.valid_until == date(2026, 5, 31)
    assert "lapsed on 2026-06-01" in status.message
    assert "Renew & Update" in status.message


@pytest.mark.parametrize("role", ["head_coach", "assistant_coach"])
def test_all_coaches_have_the_same_requirements_in_region_60(region60, role: str) -> None:
    assert region60.requirements_for(role, "12U") == (
        "safe_haven", "concussion", "sudden_cardiac_arrest", "safesport",
        "background_check", "live_scan", "referee_regional", "coach_12u",
    )


def test_national_practice_drops_referee_and_live_scan(national) -> None:
    assert national.requirements_for("head_coach", "10U") == (
        "safe_haven", "concussion", "sudden_cardiac_arrest", "safesport",
        "background_check", "coach_10u",
    )


@pytest.mark.parametrize(
    ("days_left", "expiring"),
    [(0, True), (59, True), (60, True), (61, False)],
)
def test_expiring_window(region60, days_left: int, expiring: bool) -> None:
    valid_until = AS_OF + timedelta(days=days_left)
    records = [r for r in complete_records("coach_10u") if r.requirement != "safesport"]
    records.append(Record("safesport", date(2024, 1, 1), valid_until=valid_until))
    verdict = evaluate(records, "10U", "head_coach", AS_OF, region60)
    assert verdict.eligible
    found = [item for item in verdict.to_dict()["expiring"] if item["code"] == "safesport"]
    assert found == ([{"code": "safesport", "valid_until": valid_until.isoformat()}] if expiring else [])
    assert verdict.status_of("safesport").due_soon is expiring
    assert verdict.earliest_lapse == min(valid_until, date(2027, 5, 31))


def test_expiring_lists_only_met_requirements(region60) -> None:
    records = [Record("background_check", AS_OF - timedelta(days=400))]
    verdict = evaluate(records, "10U", "head_coach", AS_OF, region60)
    assert verdict.expiring == ()
    assert verdict.earliest_lapse is None


def test_unmet_follows_policy_order_and_statuses(region60) -> None:
    records = [
        Record("concussion", date(2020, 1, 1), valid_until=date(2021, 1, 1)),
        Record("background_check", date(2026, 8, 1), risk_status="red"),
        Record("live_scan", date(2026, 12, 1)),
    ]
    verdict = evaluate(records, "12U", "assistant_coach", AS_OF, region60)
    statuses = {s.code: s.status for s in verdict.requirements}
    assert statuses == {
        "safe_haven": "missing",
        "concussion": "expired",
        "sudden_cardiac_arrest": "missing",
        "safesport": "missing",
        "background_check": "blocked",
        "live_scan": "expired",
        "referee_regional": "missing",
        "coach_12u": "missing",
    }
    assert verdict.unmet == tuple(s.code for s in verdict.requirements if s.status != "met")


def test_record_ref_comes_back(region60) -> None:
    records = [Record("safe_haven", date(2020, 1, 1), ref=41)]
    status = evaluate(records, "10U", "head_coach", AS_OF, region60).status_of("safe_haven")
    assert status.record is not None and status.record.ref == 41


def test_overrides_change_validity() -> None:
    policy = load_policy("region-60", {"requirements": {"safesport": {"validity_months": 12}}})
    assert policy.requirements["safesport"].validity_months == 12
    assert policy.requirements["safesport"].renewal == "annually"
    records = [Record("safesport", date(2025, 6, 1))]
    verdict = evaluate(records, "10U", "head_coach", AS_OF, policy)
    assert verdict.status_of("safesport").status == "expired"
    assert evaluate(records, "10U", "head_coach", AS_OF, load_policy()).status_of("safesport").status == "met"


def test_explain_lists_every_requirement(region60) -> None:
    text = evaluate([], "14U", "head_coach", AS_OF, region60).explain()
    assert text.startswith("Not ready to coach 14U as head coach on 2026-09-01.")
    assert text.count("\n- ") == 8


def test_each_policy_words_its_own_verdicts(region60, national) -> None:
    # The same facts under two profiles in one process (a mixed --jsonl batch):
    # each verdict names its own profile's renewal, whichever ran first.
    records = complete_records("coach_10u")
    first = evaluate(records, "10U", "head_coach", AS_OF, region60).status_of("safesport")
    second = evaluate(records, "10U", "head_coach", AS_OF, national).status_of("safesport")
    assert first.wording.policy is region60 and second.wording.policy is national
    assert region60.requirements["safesport"].renewal in first.message
    assert national.requirements["safesport"].renewal in second.message


def test_statuses_carry_codes_and_facts_not_words(region60) -> None:
    records = [Record("coach_8u", date(2020, 1, 1)), Record("coach_12u", date(2020, 1, 1))]
    status = evaluate(records, "10U", "head_coach", AS_OF, region60).status_of("coach_10u")
    assert status.wording.code == "eligibility.course_not_counting"
    assert dict(status.wording.params) == {
        "requirement": "coach_10u", "division": "10U", "held": ("coach_8u", "coach_12u"),
    }
    lapsed = evaluate(
        [Record("safesport", date(2023, 6, 1))], "10U", "head_coach", AS_OF, region60
    ).status_of("safesport")
    assert (lapsed.wording.code, lapsed.wording.params["lapsed_on"]) == (
        "eligibility.lapsed", date(2026, 6, 1),
    )
