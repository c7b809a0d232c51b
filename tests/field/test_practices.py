"""A practice sent from the field kit: stored once per (person, client id)
however often the phone sends it, with its audit entry; only for a team
the sender coaches; anything malformed is a 400 that says what is wrong."""

from __future__ import annotations

import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coachready.heading.models import PlayerHeaders, Practice
from coachready.org.models import AuditEntry

URL = reverse("field:practices")


def entry(team, **changes):
    body = {"client_id": str(uuid.uuid4()), "team": team.pk, "date": timezone.localdate().isoformat(),
            "heading_minutes": 15, "headers": {"p-1": 12, "p-2": 0}, "note": "Crosses"}
    body.update(changes)
    return body


def send(client, body, **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data, content_type=extra.pop("content_type", "application/json"), **extra)


def test_a_practice_is_stored_with_its_audit_entry(client, login, world, team14):
    login(world.coach)
    body = entry(team14)
    response = send(client, body)
    assert response.status_code == 201
    answer = response.json()
    assert answer["created"] is True and answer["client_id"] == body["client_id"]
    practice = Practice.objects.get(pk=answer["practice"])
    assert (practice.team, practice.heading_minutes, practice.note, str(practice.client_id)) == (
        team14, 15, "Crosses", body["client_id"])
    assert practice.logged_by == world.coach.user
    assert {h.player.local_id: h.headers for h in PlayerHeaders.objects.filter(practice=practice)} == {"p-1": 12}
    audit = AuditEntry.objects.get(action="heading.practice.logged")
    assert audit.data["client_id"] == body["client_id"]
    # The week as the rules see it now, for the phone's check.
    assert answer["week"]["sessions"] == [{"date": body["date"], "heading_minutes": 15, "headers": {"p-1": 12}}]


def test_a_resend_stores_nothing_new(client, login, world, team14):
    login(world.coach)
    body = entry(team14)
    first = send(client, body)
    again = send(client, body)
    changed = send(client, body | {"heading_minutes": 25})  # same id: still the first one
    assert (first.status_code, again.status_code, changed.status_code) == (201, 200, 200)
    assert again.json()["practice"] == first.json()["practice"] == changed.json()["practice"]
    assert again.json()["created"] is False
    assert Practice.objects.count() == 1
    assert Practice.objects.get().heading_minutes == 15
    assert AuditEntry.objects.filter(action="heading.practice.logged").count() == 1


def test_the_id_is_per_person(client, login, world, team14, rockets):
    """Two coaches' phones cannot collide, nor one find the other's practice."""
    shared = str(uuid.uuid4())
    login(world.coach)
    assert send(client, entry(team14, client_id=shared)).status_code == 201
    other = rockets.assignments.get().person
    login(other)
    response = send(client, entry(rockets, client_id=shared, headers={"p-1": 3}))
    assert response.status_code == 201
    assert Practice.objects.filter(client_id=shared).count() == 2


def test_another_coachs_team_is_refused(client, login, world, team14, rockets):
    login(world.coach)
    response = send(client, entry(rockets, headers={"p-1": 3}))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "not_your_team"
    assert response.json()["error"]["path"] == "team"
    assert not Practice.objects.exists()


@pytest.mark.parametrize("who", ["rca", "referee"])
def test_people_who_coach_no_team_are_refused(client, login, world, team14, who):
    login(getattr(world, who))
    response = send(client, entry(team14))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "not_your_team"


def test_signed_out_gets_401_in_json(client, team14):
    response = send(client, entry(team14))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "sign_in"


def test_csrf_is_checked(login, world, team14):
    """The phone sends the CSRF token header; a post without one is refused."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.coach.user)
    assert send(browser, entry(team14)).status_code == 403
    browser.get(reverse("field:kit"))
    token = browser.cookies["csrftoken"].value
    assert send(browser, entry(team14), HTTP_X_CSRFTOKEN=token).status_code == 201


@pytest.mark.parametrize(
    ("body", "code", "path"),
    [
        ("{not json", "invalid_json", ""),
        (b"\xff\xfe", "invalid_json", ""),
        ("[1, 2]", "invalid_json", ""),
        ("null", "invalid_json", ""),
        ("[" * 5000 + "]" * 5000, "invalid_json", ""),
        ({"surprise": 1}, "unknown_field", "surprise"),
        ({"client_id": "not-a-uuid"}, "invalid_value", "client_id"),
        ({"client_id": 12}, "invalid_value", "client_id"),
        ({"team": "1"}, "invalid_type", "team"),
        ({"team": True}, "invalid_type", "team"),
        ({"team": 10**40}, "invalid_type", "team"),
        ({"team": 2**31 - 1}, "not_your_team", "team"),
        ({"date": "2026-02-30"}, "invalid_value", "date"),
        ({"date": "20260901"}, "invalid_value", "date"),
        ({"date": "1999-01-01"}, "invalid_value", "date"),
        ({"date": "9999-12-31"}, "invalid_value", "date"),
        ({"date": 20260901}, "invalid_value", "date"),
        ({"heading_minutes": -1}, "invalid_value", "heading_minutes"),
        ({"heading_minutes": 10**30}, "invalid_value", "heading_minutes"),
        ({"heading_minutes": 1e309}, "invalid_type", "heading_minutes"),
        ({"heading_minutes": 12.5}, "invalid_type", "heading_minutes"),
        ({"heading_minutes": "15"}, "invalid_type", "heading_minutes"),
        ({"heading_minutes": None}, "invalid_type", "heading_minutes"),
        ({"headers": [1]}, "invalid_type", "headers"),
        ({"headers": {"p-1": -3}}, "invalid_value", "headers.p-1"),
        ({"headers": {"p-1": 10**20}}, "invalid_value", "headers.p-1"),
        ({"headers": {"p-1": "3"}}, "invalid_type", "headers.p-1"),
        ({"headers": {"p-99": 3}}, "unknown_player", "headers.p-99"),
        ({"headers": {f"p-{n}": 1 for n in range(100)}}, "invalid_value", "headers"),
        ({"note": 5}, "invalid_type", "note"),
        ({"note": "x" * 301}, "invalid_value", "note"),
    ],
)
def test_hostile_input_is_a_400_that_says_why(client, login, world, team14, body, code, path):
    login(world.coach)
    if isinstance(body, dict):
        body = json.dumps(entry(team14) | body) if "surprise" not in body else json.dumps(entry(team14) | body)
    response = send(client, body)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert (error["code"], error["path"]) == (code, path)
    assert error["message"]
    assert not Practice.objects.exists()


def test_missing_fields_and_wrong_content_type(client, login, world, team14):
    login(world.coach)
    body = entry(team14)
    del body["headers"]
    assert send(client, body).json()["error"] == {"code": "missing", "message": "This field is required.",
                                                  "path": "headers"}
    response = send(client, json.dumps(entry(team14)), content_type="text/plain")
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_json"
    response = send(client, "x" * 20_000)
    assert response.status_code == 400 and response.json()["error"]["code"] == "too_large"


def test_a_nul_in_the_note_is_stored_as_the_replacement_character(client, login, world, team14):
    login(world.coach)
    assert send(client, entry(team14, note="a\x00b")).status_code == 201
    assert Practice.objects.get().note == "a\ufffdb"


def test_only_post(client, login, world):
    login(world.coach)
    assert client.get(URL).status_code == 405
