"""`coachready coach-pass issue|verify|revoke`: exit statuses and JSON shapes."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command

from tests.passes.conftest import SEASON_DAYS_LEFT

VERIFY_KEYS = {"valid", "reasons", "name", "volunteer_id", "region", "cleared", "valid_through"}


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            call_command("coach-pass", *args)
        except SystemExit as exit_:
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("by", ["email", "volunteer_id"])
def test_issue_prints_the_pass_on_one_line_and_verify_says_valid(cleared_coach, by):
    code, out, err = run("issue", "--person", getattr(cleared_coach, by))
    assert code == 0 and err == "" and out.count("\n") == 1
    code, out, err = run("verify", out.strip())
    assert code == 0 and err == ""
    result = json.loads(out)
    assert set(result) == VERIFY_KEYS
    assert result["valid"] is True and result["reasons"] == []
    assert result["cleared"] == [{"role": "head_coach", "division": "10U"}] and result["region"] == 60


def test_after_revoke_verify_says_revoked_and_exits_zero(cleared_coach):
    text = run("issue", "--person", cleared_coach.email)[1].strip()
    code, out, _ = run("revoke", "--person", cleared_coach.volunteer_id, "--reason", "Stepped down mid-season")
    assert code == 0 and len(json.loads(out)["revoked"]) == 1
    code, out, _ = run("verify", text)
    assert code == 0 and json.loads(out)["valid"] is False and json.loads(out)["reasons"] == ["revoked"]


def test_verify_on_the_day_after_valid_through_says_expired(cleared_coach, today):
    text = run("issue", "--person", cleared_coach.email)[1].strip()
    day = (today + timedelta(days=SEASON_DAYS_LEFT + 1)).isoformat()
    code, out, _ = run("verify", text, "--as-of", day)
    assert code == 0 and json.loads(out)["reasons"] == ["expired"]


def test_a_changed_character_verifies_as_invalid_with_exit_zero(cleared_coach):
    text = run("issue", "--person", cleared_coach.email)[1].strip()
    tampered = text[:10] + ("A" if text[10] != "A" else "B") + text[11:]
    code, out, _ = run("verify", tampered)
    assert code == 0 and json.loads(out)["valid"] is False


@pytest.mark.parametrize(("args", "code", "path"), [
    (("verify", "not a pass"), "not_a_pass", "text"),
    (("verify", "CP1.abc.def", "--as-of", "next week"), "invalid_date", "as_of"),
    (("issue", "--person", "nobody@example.org"), "not_found", "person"),
    (("issue", "--person", "99999999"), "not_found", "person"),
    (("revoke", "--person", "nobody@example.org", "--reason", "x"), "not_found", "person"),
])
def test_requests_that_cannot_be_met_exit_2_with_the_json_error(world, args, code, path):
    status, out, err = run(*args)
    assert status == 2 and out == ""
    error = json.loads(err)["error"]
    assert (error["code"], error["path"]) == (code, path) and error["message"]


def test_issuing_for_a_coach_who_is_not_cleared_says_why(world):
    status, out, err = run("issue", "--person", world.coach.email)
    assert status == 2 and out == ""
    assert json.loads(err)["error"]["code"] == "not_cleared"


def test_rotate_key_makes_a_new_key_for_the_region(cleared_coach):
    text = run("issue", "--person", cleared_coach.email)[1].strip()
    code, out, _ = run("rotate-key", "--region", "60")
    assert code == 0 and json.loads(out)["key_id"].startswith("60-")
    assert json.loads(run("verify", text)[1])["valid"] is True
    assert run("rotate-key", "--region", "999")[0] == 2
