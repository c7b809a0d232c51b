"""Applying: the policy refuses what it does not accept before anything is
stored, checks what must be on record, and the form says why next to the
field."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coachready.crosscert.models import Application
from coachready.org.models import AuditEntry, Person
from tests.crosscert.conftest import form_post, licence_copy
from tests.factories import give_record

pytestmark = pytest.mark.django_db

APPLY = reverse("crosscert:apply")


def stored_scans() -> set[str]:
    folder = os.path.join(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_PREFIX, "crosscert")
    return set(os.listdir(folder)) if os.path.isdir(folder) else set()


def test_a_ready_coach_applies_and_waits_for_the_regional_commissioner(world, login, ready_coach):
    client = login(ready_coach)
    page = client.get(APPLY).content.decode()
    assert "Regional Commissioner" in page and "National Coach" in page
    response = client.post(APPLY, form_post())
    assert response.status_code == 302
    application = Application.objects.get()
    assert response["Location"] == reverse("crosscert:detail", args=[application.pk])
    assert application.applicant == ready_coach
    assert (application.status, application.step, application.current_role) == (
        "submitted", 0, "regional_commissioner")
    assert application.policy_name == "region-60"
    assert application.scan.name.startswith(f"{settings.PRIVATE_MEDIA_PREFIX}crosscert/")
    entry = AuditEntry.objects.get(action="crosscert.application.submitted")
    assert entry.actor == ready_coach.user and entry.region == world.region
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(("licence", "words"), [
    ("nscaa", "does not offer cross-certification from NSCAA"),
    ("fa", None),
    ("other", None),
    ("ussf_f", "an F licence is not on that list"),
])
def test_a_refused_licence_is_refused_with_the_policys_reason_and_nothing_is_stored(
    world, login, ready_coach, licence, words
):
    reason = world.region.policy().crosscert.licences[licence].reason
    if words:
        assert words.lower() in reason.lower()
    scans_before = stored_scans()
    response = login(ready_coach).post(APPLY, form_post(licence=licence))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["licence"] == [reason]
    assert reason in response.content.decode()
    assert not Application.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="crosscert.").exists()
    assert stored_scans() == scans_before
    assert not mail.outbox


@pytest.mark.parametrize(("overrides", "field", "words"), [
    ({"course": "coach_intermediate"}, "course", "can be cross-certified for Advanced Coach only"),
    ({"course": "coach_national"}, "course", "Select a valid choice"),
    ({"licence": "ussf_z"}, "licence", "Select a valid choice"),
    ({"licence_number": ""}, "licence_number", "required"),
    ({"issued_on": "not-a-date"}, "issued_on", "valid date"),
    ({"issued_on": timezone.localdate() + timedelta(days=30)}, "issued_on", "cannot be in the future"),
    ({"expires_on": date(2019, 5, 4)}, "expires_on", "must expire after it was issued"),
    ({"expires_on": date(2020, 5, 4)}, "expires_on", "expired on 2020-05-04"),
    ({"scan": licence_copy("licence.pdf", b"MZ\x90\x00 not a pdf")}, "scan", "not a PDF, PNG or JPEG"),
    ({"scan": licence_copy("licence.pdf", b"")}, "scan", "empty"),
    ({"scan": ""}, "scan", "required"),
])
def test_bad_input_is_named_next_to_its_field(world, login, ready_coach, overrides, field, words):
    response = login(ready_coach).post(APPLY, form_post(**overrides))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert words in errors, response.context["form"].errors
    assert not Application.objects.exists()


def test_a_scan_over_ten_megabytes_is_refused(world, login, ready_coach):
    big = licence_copy("big.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1))
    response = login(ready_coach).post(APPLY, form_post(scan=big))
    assert "the limit is 10 MB" in " ".join(response.context["form"].errors["scan"])
    assert not Application.objects.exists()


def test_preconditions_are_shown_and_enforced(world, login):
    coach = world.coach  # nothing on record
    client = login(coach)
    page = client.get(APPLY)
    checks = {c.code: c.met for c in page.context["preconditions"]}
    assert checks == {"registered_volunteer": True, "safe_haven": False, "concussion": False, "licence_copy": True}
    assert "Not met" in page.content.decode()
    response = client.post(APPLY, form_post())
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "Complete Safe Haven" in message and "Concussion" in message
    assert not Application.objects.exists()

    give_record(coach, "safe_haven", date(2021, 1, 1))
    give_record(coach, "concussion", date(2021, 1, 1))
    assert client.post(APPLY, form_post()).status_code == 302


def test_an_unregistered_volunteer_cannot_apply(world, login, ready_coach):
    ready_coach.status = Person.Status.PROSPECT
    ready_coach.save()
    response = login(ready_coach).post(APPLY, form_post())
    assert "Register as a volunteer" in " ".join(response.context["form"].non_field_errors())
    assert not Application.objects.exists()


def test_a_pending_upload_does_not_meet_a_precondition(world, login):
    give_record(world.coach, "safe_haven", date(2021, 1, 1), status="pending")
    give_record(world.coach, "concussion", date(2021, 1, 1))
    checks = {c.code: c.met for c in login(world.coach).get(APPLY).context["preconditions"]}
    assert checks["safe_haven"] is False and checks["concussion"] is True


def test_one_open_application_per_course(world, login, ready_coach, submitted):
    response = login(ready_coach).post(APPLY, form_post())
    assert "already have an open application for Advanced Coach" in " ".join(
        response.context["form"].errors["course"])
    assert Application.objects.count() == 1


def test_a_current_expiry_date_is_accepted(world, login, ready_coach):
    future = timezone.localdate() + timedelta(days=400)
    assert login(ready_coach).post(APPLY, form_post(expires_on=future)).status_code == 302
    assert Application.objects.get().expires_on == future


@pytest.mark.parametrize(("persona", "status"), [("coach", 200), ("rc", 200), ("national", 200)])
def test_every_volunteer_may_open_the_form(world, login, persona, status):
    assert login(getattr(world, persona)).get(APPLY).status_code == status


def test_anonymous_is_sent_to_sign_in(world, client):
    response = client.get(APPLY)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(APPLY, form_post()).status_code == 302
    assert not Application.objects.exists()


def test_an_account_without_a_volunteer_record_is_refused(world, client, django_user_model):
    user = django_user_model.objects.create_user(
        username="x@example.org", email="x@example.org", password="pw-12345678"
    )
    client.force_login(user)
    assert client.get(APPLY).status_code == 403
