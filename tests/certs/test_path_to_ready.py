"""The coach's path to ready has no dead ends: steps count prerequisites on
every page, Enrol enrols, a class after the due date is called out with the
online route, and an online coach course can be reported with its
certificate (counting only once verified)."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coachready.certs.models import CertificationRecord
from coachready.certs.services import verification
from coachready.certs.services.readiness import verdict_for
from coachready.training.models import Enrollment
from tests.certs.test_portal_views import PDF
from tests.factories import certify, fully_certified_for_10u
from tests.training.builders import days, make_event

# Everything a 10U coach needs but the course; the renewable records from
# last month, so no renewal falls inside any path's horizon whatever the day.
EVERYTHING_BUT_THE_COURSE = list(fully_certified_for_10u(without="coach_10u"))


@pytest.mark.parametrize(("division", "steps", "titles"), [
    ("10U", 1, ["10U Coach"]),
    ("14U", 2, ["12U Coach", "Intermediate Coach"]),
    ("16U", 3, ["12U Coach", "Intermediate Coach", "Advanced Coach"]),
    ("19U", 3, ["12U Coach", "Intermediate Coach", "Advanced Coach"]),
])
def test_checklist_and_path_count_the_same_steps(login, world, division, steps, titles):
    certify(world.coach, EVERYTHING_BUT_THE_COURSE)
    client = login(world.coach)
    checklist = client.get(reverse("certs:checklist"), {"division": division}).content.decode()
    word = "step" if steps == 1 else "steps"
    assert f"{steps} {word} to go for {division}" in checklist
    path = client.get(reverse("certs:path"), {"division": division}).content.decode()
    assert f"{steps} {word} to go." in path
    assert re.findall(r"Take: ([^<]+)</h2>", path) == titles


def test_enrol_is_a_post_button_that_enrols_and_comes_back(login, world):
    certify(world.coach, EVERYTHING_BUT_THE_COURSE)
    event = make_event(world.region, session_days=(10, 12))
    client = login(world.coach)
    path_url = reverse("certs:path") + "?division=10U"
    body = client.get(path_url).content.decode()
    enrol_url = reverse("training:enrol", args=[event.pk])
    assert f'<form method="post" action="{enrol_url}"' in body
    assert f'href="{enrol_url}"' not in body  # no link that would answer 405
    assert "csrfmiddlewaretoken" in body
    response = client.post(enrol_url, {"next": path_url})
    assert response.status_code == 302 and response["Location"] == path_url
    assert Enrollment.objects.get(event=event, person=world.coach).status == Enrollment.Status.ENROLLED


def test_enrol_never_redirects_off_site(login, world):
    event = make_event(world.region)
    response = login(world.coach).post(reverse("training:enrol", args=[event.pk]),
                                       {"next": "https://evil.example.com/"})
    assert response["Location"] == reverse("training:event", args=[event.pk])


def test_a_course_waiting_for_its_prerequisite_offers_no_enrol_button(login, world):
    certify(world.coach, EVERYTHING_BUT_THE_COURSE)
    intermediate = make_event(world.region, title="Intermediate", course="coach_intermediate")
    body = login(world.coach).get(reverse("certs:path"), {"division": "14U"}).content.decode()
    assert "Complete 12U Coach first" in body
    assert reverse("training:enrol", args=[intermediate.pk]) not in body


@pytest.mark.parametrize(("division", "course", "online"), [
    ("8U", "coach_8u", True),     # taught in the Training Library too
    ("10U", "coach_10u", False),  # has an on-field part: classes only
])
def test_a_class_after_the_due_date_says_so(login, world, division, course, online):
    certify(world.coach, EVERYTHING_BUT_THE_COURSE)
    make_event(world.region, title="Late class", course=course, session_days=(20, 21))
    body = login(world.coach).get(reverse("certs:path"), {"division": division,
                                                          "target": days(7).isoformat()}).content.decode()
    assert f"The next class is on {days(20).isoformat()}, after the due date ({days(7).isoformat()})" in body
    assert "after the due date" in body
    report = f'{reverse("certs:upload")}?requirement={course}'
    assert (report in body) is online
    assert ("also taught online" in body) is online


def test_no_class_at_all_is_said_too(login, world):
    certify(world.coach, EVERYTHING_BUT_THE_COURSE)
    body = login(world.coach).get(reverse("certs:path"), {"division": "6U"}).content.decode()
    assert "No class is scheduled before the due date" in body
    assert f'{reverse("certs:upload")}?requirement=coach_6u' in body


def test_a_class_in_time_gives_no_warning(login, world):
    certify(world.coach, EVERYTHING_BUT_THE_COURSE)
    make_event(world.region, session_days=(3, 4), enrol_by=days(1))
    body = login(world.coach).get(reverse("certs:path"), {"division": "10U",
                                                          "target": days(7).isoformat()}).content.decode()
    assert "after the due date" not in body and "No class is scheduled" not in body


def test_an_online_coach_course_counts_only_once_verified(login, world):
    certify(world.coach, EVERYTHING_BUT_THE_COURSE)
    client = login(world.coach)
    response = client.post(reverse("certs:upload"), {
        "requirement": "coach_8u", "completed_on": days(-3).isoformat(),
        "evidence": SimpleUploadedFile("8u.pdf", PDF, content_type="application/pdf"),
    })
    assert response.status_code == 302
    record = CertificationRecord.objects.get(person=world.coach, requirement="coach_8u")
    assert (record.status, record.source) == ("pending", "upload")
    assert verdict_for(world.coach, "8U", "head_coach", days(0)).unmet == ("coach_8u",)
    path = client.get(reverse("certs:path"), {"division": "8U"}).content.decode()
    assert "waiting for the region to verify it" in path
    verification.approve(record, user=world.rca.user, today=days(0))
    assert verdict_for(world.coach, "8U", "head_coach", days(0)).eligible


@pytest.mark.parametrize("course", ["coach_10u", "coach_12u", "coach_advanced"])
def test_classroom_courses_cannot_be_reported_online(world, course):
    with pytest.raises(verification.DecisionError):
        verification.submit_upload(world.coach, course, days(-3), SimpleUploadedFile("x.pdf", PDF),
                                   user=world.coach.user, today=days(0))
