"""A field required only in some cases says so in its label instead of
"(optional)": the override reason, a course's requirement, a background
check's risk status."""

from __future__ import annotations

import re

from django.urls import reverse

from coachready.teams.models import CoachAssignment, Team
from tests.factories import certify, fully_certified_for_10u


def label_of(html: str, field_id: str) -> str:
    match = re.search(rf'<label for="{field_id}">(.*?)</label>', html, re.S)
    assert match, field_id
    return match.group(1)


def test_override_reason_is_required_for_a_coach_who_is_not_ready(login, world, season):
    team = Team.objects.create(season=season, division="10U", name="Lightning")
    certify(world.coach, fully_certified_for_10u(without="coach_10u"))
    client = login(world.rca)
    url = reverse("teams:team", args=[60, team.pk])
    html = client.get(url, {"person": world.coach.pk}).content.decode()
    label = label_of(html, "id_override_reason")
    assert "Override reason" in label and "optional" not in label
    assert 'name="override_reason"' in html and "required" in html.split('name="override_reason"')[1][:80]
    response = client.post(url, {"person": world.coach.pk, "role": "head_coach", "override_reason": "  "})
    assert response.status_code == 400
    assert "written override reason" in response.content.decode()
    assert not CoachAssignment.objects.exists()


def test_a_ready_coach_is_not_offered_an_override_box(login, world, season):
    team = Team.objects.create(season=season, division="10U", name="Lightning")
    certify(world.coach)
    html = login(world.rca).get(reverse("teams:team", args=[60, team.pk]), {"person": world.coach.pk}).content.decode()
    assert "override_reason" not in html


def test_course_granted_says_when_it_is_required(login, world):
    html = login(world.instructor).get(reverse("training:manage_new", args=[60])).content.decode()
    label = label_of(html, "id_course")
    assert "required for a course" in label and "optional" not in label


def test_risk_status_says_when_it_is_required(login, world):
    html = login(world.rca).get(reverse("certs:manual_record", args=[60, world.coach.pk])).content.decode()
    label = label_of(html, "id_risk_status")
    assert "required for a background check" in label and "optional" not in label
