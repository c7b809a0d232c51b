"""The Coach Pass: issued from the engine's verdicts, verified by one pure
function, revoked by the writes that end what it rests on."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta

import pytest

from coachready.certs.services.records import record_completion
from coachready.org import services as org_services
from coachready.org.models import AuditEntry, Role
from coachready.passes import codec, keys, services
from coachready.passes.models import Revocation
from coachready.teams import services as team_services
from coachready.teams.models import CoachAssignment
from tests.factories import give_role
from tests.passes.conftest import SEASON_DAYS_LEFT


def payload_of(text: str) -> dict:
    body = text.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def test_a_cleared_coachs_pass_is_one_short_line_that_verifies(cleared_coach, today):
    issued = services.issue(cleared_coach)
    assert "\n" not in issued.text and len(issued.text) < 400
    result = services.verify_here(issued.text)
    assert result["valid"] and result["reasons"] == []
    assert result["name"] == "Casey Coach" and result["volunteer_id"] == "71234567" and result["region"] == 60
    assert result["cleared"] == [{"role": "head_coach", "division": "10U"}]
    # The background check (one year) renewed a month ago outlasts the season.
    assert result["valid_through"] == (today + timedelta(days=SEASON_DAYS_LEFT)).isoformat()
    assert AuditEntry.objects.filter(action="passes.pass.issued").count() == 1


def test_the_pass_holds_no_birth_date_email_or_phone(cleared_coach):
    cleared_coach.phone = "626-555-0199"
    cleared_coach.save(update_fields=["phone"])
    text = services.issue(cleared_coach).text
    payload = json.dumps(payload_of(text))
    for private in (cleared_coach.email, "626-555-0199", "1985", "birth"):
        assert private not in payload
    assert set(payload_of(text)) == {"p", "k", "n", "v", "r", "c", "i", "t"}


def test_showing_the_pass_again_the_same_day_gives_the_same_pass(cleared_coach):
    assert services.issue(cleared_coach).text == services.issue(cleared_coach).text


def test_valid_through_is_the_earliest_lapse_when_it_comes_before_the_seasons_end(cleared_coach, today):
    # A background check (valid a year) done 360 days ago lapses within the season.
    done = today - timedelta(days=360)
    record_completion(cleared_coach, "background_check", done, source="online", risk_status="green")
    cleared_coach.records.filter(requirement="background_check").exclude(completed_on=done).delete()
    result = services.verify_here(services.issue(cleared_coach).text)
    assert date.fromisoformat(result["valid_through"]) < today + timedelta(days=SEASON_DAYS_LEFT)
    assert result["valid"]


def _changed(text: str, i: int) -> str:
    replacement = "B" if text[i] != "B" else "C"
    return text[:i] + replacement + text[i + 1:]


def test_changing_any_character_makes_the_pass_invalid(cleared_coach):
    text = services.issue(cleared_coach).text
    keys_, revoked = keys.verification_keys(), services.revocation_list()
    today = date.today()
    for i in range(len(text)):
        try:
            result = codec.verify(_changed(text, i), keys=keys_, revoked=revoked, as_of=today)
        except codec.NotAPass:
            continue  # a dot replaced: no longer has a pass's shape
        assert not result["valid"], f"character {i} changed and the pass still verifies"
        assert result["reasons"] in (["bad_signature"], ["unknown_key"]), i


@pytest.mark.parametrize(("days_after_issue", "valid", "reasons"), [
    (0, True, []),
    (SEASON_DAYS_LEFT, True, []),  # the last day of the season
    (SEASON_DAYS_LEFT + 1, False, ["expired"]),  # the day after valid-through
    (-1, False, ["not_yet_valid"]),
])
def test_a_pass_is_valid_from_its_issue_date_through_its_valid_through(cleared_coach, today, days_after_issue,
                                                                       valid, reasons):
    text = services.issue(cleared_coach).text
    result = services.verify_here(text, as_of=today + timedelta(days=days_after_issue))
    assert (result["valid"], result["reasons"]) == (valid, reasons)


def test_a_pass_signed_by_a_key_this_installation_does_not_know_is_refused(cleared_coach, world, today):
    text = services.issue(cleared_coach).text
    result = codec.verify(text, keys={}, revoked={}, as_of=today)
    assert result["reasons"] == ["unknown_key"] and not result["valid"]
    # Nor may another region's key vouch for Region 60's coaches.
    other = keys.current_key(world.other_region)
    kid = payload_of(text)["k"]
    forged = {kid: codec.PublicKey(kid, 61, codec.b64decode(other.public_key))}
    assert codec.verify(text, keys=forged, revoked={}, as_of=today)["reasons"] == ["unknown_key"]


def test_a_pass_signed_with_another_key_has_a_bad_signature(cleared_coach, world, today):
    text = services.issue(cleared_coach).text
    kid = payload_of(text)["k"]
    impostor = keys.current_key(world.other_region)
    published = {kid: codec.PublicKey(kid, 60, codec.b64decode(impostor.public_key))}
    assert codec.verify(text, keys=published, revoked={}, as_of=today)["reasons"] == ["bad_signature"]


@pytest.mark.parametrize("text", ["", "hello", "CP1.abc", "CP1..sig", "CP1.a b.c", "a.b.c.d"])
def test_text_without_a_pass_shape_is_not_a_pass(text, today):
    with pytest.raises(codec.NotAPass):
        codec.verify(text, keys={}, revoked={}, as_of=today)


def test_the_signing_key_is_stored_encrypted_and_made_once(world):
    key = keys.current_key(world.region)
    assert keys.current_key(world.region) == key
    assert key.key_id.startswith("60-")
    raw = keys.private_key(key).private_bytes_raw()
    assert codec.b64encode(raw) not in key.private_key_encrypted and raw.hex() not in key.private_key_encrypted


def test_a_key_made_under_an_old_secret_opens_while_it_is_a_fallback(world, settings):
    key = keys.current_key(world.region)
    old = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-secret-for-this-test", [old]
    assert keys.private_key(key).public_key()


def test_rotation_keeps_the_old_key_published_while_its_passes_can_be_valid(cleared_coach, world, today):
    text = services.issue(cleared_coach).text
    old_id = payload_of(text)["k"]
    new = keys.rotate(world.region)
    published = [k.key_id for k in keys.published_keys(today)]
    assert old_id in published and new.key_id in published
    assert services.verify_here(text)["valid"]
    assert old_id not in [k.key_id for k in keys.published_keys(today + timedelta(days=SEASON_DAYS_LEFT + 1))]
    assert payload_of(services.issue(cleared_coach).text)["k"] == new.key_id
    assert AuditEntry.objects.filter(action="passes.key.rotated").exists()


# Each write that ends what a pass rests on revokes it in its own transaction.
def _red_check(coach, today):
    record_completion(coach, "background_check", today, source="import", risk_status="red")


def _role_ended(coach, today):
    assignment = CoachAssignment.objects.get(person=coach)
    team_services.end_assignment(assignment, user=None, on=today)


def _admin_revoked(coach, today):
    services.revoke_person(coach, note="Lost phone")


@pytest.mark.parametrize(("write", "reason"), [
    (_red_check, "background_check"),
    (_role_ended, "role_ended"),
    (_admin_revoked, "revoked_by_region"),
])
def test_writes_that_end_a_pass_revoke_it_at_once(cleared_coach, today, write, reason):
    text = services.issue(cleared_coach).text
    write(cleared_coach, today)
    result = services.verify_here(text)
    assert not result["valid"] and "revoked" in result["reasons"]
    revocation = Revocation.objects.get()
    assert (revocation.pass_id, revocation.reason, revocation.revoked_on) == (payload_of(text)["p"], reason, today)
    assert AuditEntry.objects.filter(action="passes.pass.revoked").count() == 1


def test_a_red_check_leaves_no_pass_to_issue(cleared_coach, today):
    _red_check(cleared_coach, today)
    with pytest.raises(services.PassRefused) as refused:
        services.issue(cleared_coach)
    assert "red" in refused.value.clearance.blocked_reason


def test_an_orange_check_or_another_coachs_role_ending_revokes_nothing(cleared_coach, world, today):
    text = services.issue(cleared_coach).text
    record_completion(cleared_coach, "background_check", today, source="import", risk_status="orange")
    other = give_role(world.referee, Role.ASSISTANT_COACH, region=world.region, division="12U")
    org_services.end_role(other, end_on=today)
    assert services.verify_here(text)["valid"]
    assert not Revocation.objects.exists()


def test_a_coaching_role_with_a_division_is_cleared_and_ending_it_revokes(world, today):
    coach = world.coach
    from tests.factories import certify

    certify(coach)
    role = give_role(coach, Role.COACH, region=world.region, division="10U")
    text = services.issue(coach).text
    assert services.verify_here(text)["cleared"] == [{"role": "head_coach", "division": "10U"}]
    org_services.end_role(role, end_on=today)
    assert services.verify_here(text)["reasons"] == ["revoked"]


def test_a_coach_missing_a_course_gets_no_pass_and_is_told_why(world, team):
    from tests.factories import certify, fully_certified_for_10u

    coach = world.coach
    certify(coach, fully_certified_for_10u(without="coach_10u"))
    CoachAssignment.objects.create(team=team, person=coach, role=CoachAssignment.Role.HEAD_COACH)
    with pytest.raises(services.PassRefused) as refused:
        services.issue(coach)
    (why,) = refused.value.clearance.not_cleared
    assert why.division == "10U" and why.unmet == ["10U Coach"]


def test_a_course_withdrawn_after_an_attendance_correction_revokes_the_pass(world, team, today):
    from coachready.training.services.attendance import mark_attendance
    from coachready.training.services.enrolment import enrol
    from tests.factories import certify, fully_certified_for_10u
    from tests.training.builders import days, make_event

    coach = world.coach
    certify(coach, fully_certified_for_10u(without="coach_10u"))
    CoachAssignment.objects.create(team=team, person=coach, role=CoachAssignment.Role.HEAD_COACH)
    event = make_event(world.region, session_days=(-3, -1), enrol_by=days(-5), instructors=[world.instructor])
    enrollment = enrol(event, coach, as_of=days(-6))
    classroom, field = event.sessions.all()
    mark_attendance(classroom, {enrollment.pk: True}, user=world.instructor.user)
    mark_attendance(field, {enrollment.pk: True}, user=world.instructor.user)
    text = services.issue(coach).text
    assert services.verify_here(text)["valid"]

    mark_attendance(field, {enrollment.pk: False}, user=world.rca.user)

    assert services.verify_here(text)["reasons"] == ["revoked"]
    assert Revocation.objects.get().reason == "record_withdrawn"


def test_erasing_a_coach_revokes_their_pass_and_keeps_no_trace_of_them(cleared_coach):
    from coachready.org.privacy import erase_subject, export_subject, find_subject

    text = services.issue(cleared_coach).text
    exported = json.dumps(export_subject(find_subject(cleared_coach.email)), default=str)
    assert payload_of(text)["p"] in exported
    erase_subject(find_subject(cleared_coach.email))
    assert services.verify_here(text)["reasons"] == ["revoked"]
    leftovers = json.dumps(list(Revocation.objects.values()), default=str) + json.dumps(
        list(AuditEntry.objects.filter(action__startswith="passes.").values("summary", "data")), default=str)
    assert "Casey" not in leftovers and "71234567" not in leftovers


@pytest.mark.parametrize("update", [False, True], ids=["new check imported red", "check updated to red"])
def test_an_imported_red_background_check_revokes_the_pass(cleared_coach, world, today, update):
    from coachready.imports.services import import_file
    from tests.imports.helpers import csv_bytes

    text = services.issue(cleared_coach).text
    done = today - timedelta(days=30) if update else today
    data = csv_bytes([["Email", "Last Name", "First Name", "Course", "Completed", "Risk Status"],
                      [cleared_coach.email, "Coach", "Casey", "Background Check", done.isoformat(), "Red"]])
    result = import_file(data, "checks.csv", world.region, world.rca.user)
    assert result.counts["update" if update else "create"] == 1
    assert services.verify_here(text)["reasons"] == ["revoked"]
    assert Revocation.objects.get().reason == "background_check"
