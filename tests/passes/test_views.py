"""/my/pass/ for each persona, and the public key and revocation lists."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from coachready.passes import services


@pytest.fixture(autouse=True)
def _fresh_rate_counters():
    cache.clear()


def test_a_cleared_coach_sees_the_qr_code_and_the_pass_in_large_type(cleared_coach, login, today):
    page = login(cleared_coach).get(reverse("passes:mine"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Casey Coach" in html and "71234567" in html and "10U Head Coach" in html
    text = services.issue(cleared_coach).text
    assert text in html
    assert cleared_coach.email not in html.split("<main")[-1].split("</main>")[0]


def test_the_wallet_card_prints_the_same_pass(cleared_coach, login):
    page = login(cleared_coach).get(reverse("passes:card"))
    html = page.content.decode()
    assert page.status_code == 200 and 'class="pass-card"' in html and "data-print" in html
    assert "Valid through" in html


def test_a_coach_not_cleared_sees_why_in_titles_and_their_path_to_ready(world, team, login):
    from coachready.teams.models import CoachAssignment
    from tests.factories import certify, fully_certified_for_10u

    certify(world.coach, fully_certified_for_10u(without="coach_10u"))
    CoachAssignment.objects.create(team=team, person=world.coach, role=CoachAssignment.Role.HEAD_COACH)
    html = login(world.coach).get(reverse("passes:mine")).content.decode()
    assert "Not cleared" in html and "10U Coach" in html and "coach_10u" not in html
    assert reverse("certs:path") in html and "<svg role" not in html
    assert login(world.coach).get(reverse("passes:card")).status_code == 200


def test_a_coach_with_no_division_is_told_so(world, login):
    html = login(world.coach).get(reverse("passes:mine")).content.decode()
    assert "no coaching role with a division" in html


def test_the_pass_is_in_the_coachs_navigation(cleared_coach, login):
    assert reverse("passes:mine") in login(cleared_coach).get(reverse("certs:checklist")).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("passes:mine"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_key_list_is_public_and_briefly_cacheable(cleared_coach, client):
    services.issue(cleared_coach)
    response = client.get("/passes/keys.json")
    assert response.status_code == 200 and "max-age=300" in response["Cache-Control"]
    (key,) = response.json()["keys"]
    assert key["region"] == 60 and key["key_id"].startswith("60-") and key["retired_on"] is None
    assert set(key) == {"key_id", "region", "public_key", "created_on", "retired_on"}


def test_the_revocation_list_holds_no_personal_data(cleared_coach, client, today):
    issued = services.issue(cleared_coach)
    services.revoke_person(cleared_coach, note="Casey Coach lost her phone")
    response = client.get("/passes/revoked.json")
    assert response.json()["revoked"] == [
        {"pass_id": issued.data.pass_id, "revoked_on": today.isoformat(), "reason": "revoked_by_region"}]
    body = response.content.decode()
    assert "Casey" not in body and "71234567" not in body and cleared_coach.email not in body


def test_the_lists_are_rate_limited_per_client(world, client, settings):
    settings.COACH_PASS_RATE_LIMITS = {"lists": (3, 60)}
    statuses = [client.get("/passes/revoked.json").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get("/passes/keys.json", REMOTE_ADDR="203.0.113.9").status_code == 200
