"""Cross-certification emails in each recipient's language: the applicant
reads theirs, the reviewers theirs, whoever acted."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from coachready.crosscert.services import submit_application
from tests.crosscert.conftest import application_data

pytestmark = pytest.mark.django_db


def test_the_applicant_reads_spanish_and_the_reviewer_english(world, ready_coach):
    ready_coach.language = "es"  # their profile's choice
    mail.outbox.clear()
    submit_application(ready_coach, application_data(), user=ready_coach.user)

    to_applicant = next(m for m in mail.outbox if ready_coach.user.email in m.to or ready_coach.email in m.to)
    to_reviewer = next(m for m in mail.outbox if m is not to_applicant)
    assert to_applicant.subject.startswith("Recibimos su solicitud de certificación cruzada para ")
    assert "Hola, " in to_applicant.body and "Licencia D de US Soccer" in to_applicant.body
    assert "Hello" not in to_applicant.body
    assert to_reviewer.subject.startswith("Cross-certification waiting for your recommendation: ")
    assert "US Soccer D licence" in to_reviewer.body


def test_the_queue_in_traditional_chinese(world, submitted, login):
    client = login(world.rc)
    with translation.override("zh-hant"):
        page = client.get(reverse("crosscert:queue"), HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    assert "<h1>資格互認待審清單</h1>" in page
    assert "US Soccer D 級執照" in page
    assert "Cross-certification queue" not in page and "Applicant" not in page
