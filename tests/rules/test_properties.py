"""Properties of the engine that must hold for any input (hypothesis)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from coachready.rules import FieldSize, InputError, Record, Spot, evaluate, heading_match, load_policy
from coachready.rules.codes import COACH_COURSE_CODES, DIVISIONS, REQUIREMENT_CODES, RISK_STATUSES
from coachready.rules.contract import COMMANDS, eligibility_response

POLICIES = st.sampled_from(["region-60", "ayso-national"]).map(load_policy)
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
AGE_SPECIFIC = ("coach_schoolyard", "coach_6u", "coach_8u", "coach_10u", "coach_12u")


@st.composite
def records(draw: st.DrawFn) -> Record:
    code = draw(st.sampled_from(REQUIREMENT_CODES))
    completed = draw(DAYS)
    until = draw(st.none() | st.integers(0, 2000).map(lambda d: completed + timedelta(days=d)))
    risk = draw(st.none() | st.sampled_from(RISK_STATUSES)) if code == "background_check" else None
    return Record(code, completed, until, risk)


ROLES = st.sampled_from(["head_coach", "assistant_coach"])


@given(st.lists(records(), max_size=12), records(), st.sampled_from(DIVISIONS), ROLES, DAYS, POLICIES)
def test_adding_a_record_never_makes_a_coach_ineligible(held, extra, division, role, as_of, policy) -> None:
    before = evaluate(held, division, role, as_of, policy)
    after = evaluate([*held, extra], division, role, as_of, policy)
    assert set(after.unmet) <= set(before.unmet)
    if before.eligible:
        assert after.eligible


@given(st.lists(records(), max_size=12), st.sampled_from(DIVISIONS), ROLES, DAYS, POLICIES)
def test_unmet_is_exactly_the_statuses_not_met(held, division, role, as_of, policy) -> None:
    verdict = evaluate(held, division, role, as_of, policy)
    assert verdict.unmet == tuple(s.code for s in verdict.requirements if s.status != "met")
    assert verdict.eligible is (not verdict.unmet)
    assert [s.code for s in verdict.requirements] == list(policy.requirements_for(role, division))
    for status in verdict.requirements:
        assert status.status in ("met", "missing", "expired", "blocked")
        assert status.message
        assert (status.satisfied_by is not None) is (status.status == "met")
        if status.status == "met" and status.valid_until is not None:
            assert status.valid_until >= as_of
    assert [item.code for item in verdict.expiring] == [s.code for s in verdict.requirements if s.due_soon]


@given(st.sampled_from(AGE_SPECIFIC), st.sampled_from(DIVISIONS), DAYS, POLICIES)
def test_no_age_specific_course_satisfies_another_division(course, division, as_of, policy) -> None:
    needed = policy.course_for_division(division)
    verdict = evaluate([Record(course, date(2014, 1, 1))], division, "head_coach", as_of, policy)
    assert (verdict.status_of(needed).status == "met") is (course == needed)


@given(st.sampled_from(AGE_SPECIFIC), POLICIES)
def test_age_specific_courses_are_met_only_by_themselves(needed, policy) -> None:
    assert policy.satisfiers[needed] == (needed,)
    for course in COACH_COURSE_CODES:
        assert (needed in policy.satisfiers[course]) is (course == needed)


@given(st.lists(records(), max_size=10), st.sampled_from(DIVISIONS + ("u10", "14u")), ROLES, DAYS,
       st.sampled_from(["region-60", "ayso-national"]))
@settings(max_examples=150)
def test_batch_rendering_equals_the_verdict(held, division, role, as_of, name) -> None:
    document = {
        "as_of": as_of.isoformat(), "division": division, "role": role, "policy": name,
        "records": [
            {k: v for k, v in {
                "requirement": r.requirement, "completed_on": r.completed_on.isoformat(),
                "valid_until": r.valid_until.isoformat() if r.valid_until else None,
                "risk_status": r.risk_status,
            }.items() if v is not None}
            for r in held
        ],
    }
    assert COMMANDS["eligibility"](document) == json.dumps(eligibility_response(document))


FIELDS = st.builds(
    lambda length, width, depth, area: FieldSize(length, width, depth * length / 2, area * width),
    st.floats(20, 120), st.floats(10, 90), st.floats(0.05, 0.95), st.floats(0.05, 1.0),
)


@given(FIELDS, st.floats(-5, 1.05), st.floats(-0.05, 1.05), st.sampled_from(["home", "away"]),
       st.sampled_from(DIVISIONS), st.none() | st.integers(4, 19), st.booleans())
def test_restarts_never_leave_the_field(size, fx, fy, team, division, age, deliberate) -> None:
    offence = Spot(fx * size.length, fy * size.width)
    try:
        ruling = heading_match(
            division=division, offending_team=team, offence=offence, deliberate=deliberate,
            policy=load_policy(), player_age=age, field=size,
        )
    except InputError as error:
        assert error.code == "off_field"
        assert not (0 <= offence.x <= size.length and 0 <= offence.y <= size.width)
        return
    if ruling.spot is not None:
        assert 0 <= ruling.spot.x <= size.length and 0 <= ruling.spot.y <= size.width
        assert ruling.awarded_to != team
    assert (ruling.spot is None) is (not ruling.infringement)
