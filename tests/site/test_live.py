"""The live pages' words come from the policy (no database needed)."""

import pytest

from coachready.rules import load_policy
from coachready.site.live import heading_view, requirements_view, schoolyard_weeks


@pytest.mark.parametrize(("policy", "code", "renewal"), [
    ("region-60", "safesport", "every 3 years"),
    ("ayso-national", "safesport", "every 12 months"),
    ("region-60", "background_check", "annually"),
    ("region-60", "safe_haven", "one-time"),
    ("region-60", "live_scan", "one-time"),
])
def test_renewal_words_are_the_policys(policy, code, renewal):
    rows = {row.code: row for row in requirements_view(load_policy(policy)).requirements}
    assert rows[code].renewal == renewal


def test_region_60_lists_every_requirement_of_the_seed_page_in_order():
    codes = [row.code for row in requirements_view(load_policy("region-60")).requirements]
    assert codes == ["safe_haven", "concussion", "sudden_cardiac_arrest", "safesport", "background_check",
                     "live_scan", "referee_regional", "division_course"]


def test_division_courses_group_divisions_by_course():
    view = requirements_view(load_policy("region-60"))
    by_course = {row.course: row.divisions for row in view.division_courses}
    assert by_course["coach_8u"] == ("7U", "8U")
    assert by_course["coach_10u"] == ("9U", "10U")
    assert by_course["coach_advanced"] == ("16U", "19U")
    assert by_course["coach_schoolyard"] == ("School Yard",)


def test_nesting_and_prerequisites_come_from_the_policy():
    view = requirements_view(load_policy("region-60"))
    assert "Advanced Coach also counts where Intermediate Coach is needed." in view.nesting
    assert "National Coach also counts where Advanced Coach is needed." in view.nesting
    assert not any("10U" in line for line in view.nesting)
    assert "Intermediate Coach needs 12U Coach first." in view.prerequisites
    assert "do not substitute" in view.age_specific_rule


def test_steps_put_recurring_requirements_first():
    steps = requirements_view(load_policy("region-60")).steps
    assert [(s.when, s.title) for s in steps[:2]] == [("Every 3 years", "SafeSport"), ("Annually", "Background Check")]
    assert all(s.when == "One time" for s in steps[2:])


@pytest.mark.parametrize(("policy", "first_approver", "nscaa_accepted"), [
    ("region-60", "Regional Commissioner", False), ("ayso-national", "Regional Coach Administrator", True),
])
def test_crosscert_chain_and_licences_follow_the_policy(policy, first_approver, nscaa_accepted):
    view = requirements_view(load_policy(policy))
    assert view.approval_chain[0] == first_approver and view.approval_chain[-1] == "National Coach"
    nscaa = next(line for line in view.licences if line.title == "NSCAA diploma")
    assert nscaa.accepted is nscaa_accepted and bool(nscaa.grants) is nscaa_accepted


def test_heading_view_reads_the_heading_settings():
    view = heading_view(load_policy("region-60"))
    rows = {row.division: row for row in view.rows}
    assert rows["12U"].practice == "No heading" and rows["12U"].match == "No heading"
    assert rows["14U"].practice.startswith("At most 30 minutes") and rows["14U"].match == "No restriction"
    assert rows["19U"].practice == "No limit"
    assert view.limited_divisions == ("14U",) and view.sanction == "an indirect free kick"


def test_school_yard_has_ten_weeks_in_order():
    weeks = schoolyard_weeks()
    assert [w.week for w in weeks] == list(range(1, 11))
