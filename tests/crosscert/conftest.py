"""Cross-certification test helpers: a coach ready to apply, a licence
copy, and the chain's actors in order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coachready.crosscert.models import Application
from coachready.crosscert.services import act_on_application, submit_application
from tests.factories import certify

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"



def ready_but_advanced(today: date) -> tuple:
    """Everything a 16U head coach needs except the Advanced course; the
    renewable ones recent enough to count today."""
    recent = today - timedelta(days=30)
    return (
        ("safe_haven", date(2020, 8, 1), {}),
        ("concussion", date(2020, 8, 1), {}),
        ("sudden_cardiac_arrest", date(2020, 8, 1), {}),
        ("safesport", recent, {}),
        ("background_check", recent, {"risk_status": "green"}),
        ("live_scan", date(2020, 8, 1), {}),
        ("referee_regional", date(2020, 8, 1), {}),
    )


def licence_copy(name: str = "licence.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def application_data(**overrides) -> dict:
    data = {
        "licence": "ussf_d",
        "licence_number": "D-123456",
        "issuing_body": "U.S. Soccer Federation",
        "issued_on": date(2019, 5, 4),
        "expires_on": None,
        "course": "coach_advanced",
        "statement": "Ten years of high-school soccer.",
        "scan": licence_copy(),
    }
    data.update(overrides)
    return data


def form_post(**overrides) -> dict:
    """The apply form's POST body, dates as the browser sends them."""
    data = application_data(**overrides)
    return {k: ("" if v is None else v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


@pytest.fixture
def ready_coach(world):
    certify(world.coach, ready_but_advanced(timezone.localdate()))
    return world.coach


@pytest.fixture
def chain_actors(world):
    """Region 60's chain in order: RC, Area CA, Section CA, National Coach."""
    return [world.rc, world.area_ca, world.section_ca, world.national]


@pytest.fixture
def submitted(ready_coach):
    return submit_application(ready_coach, application_data(), user=ready_coach.user)


def advance(application: Application, actors, to_step: int) -> Application:
    """Recommend the application through the steps before `to_step`."""
    while application.step < to_step:
        application = act_on_application(
            application.pk, user=actors[application.step].user, action="recommend",
            step=application.step, round=application.round,
        )
    return application


def make_application(person, **fields) -> Application:
    """A row written directly, for list pages that need many of them."""
    now = timezone.now()
    defaults = {
        "licence": "ussf_d", "licence_number": "D-1", "issuing_body": "U.S. Soccer Federation",
        "issued_on": date(2019, 1, 1), "course": "coach_advanced", "policy_name": "region-60",
        "approval_chain": ["regional_commissioner", "area_coach_administrator",
                           "section_coach_administrator", "national_coach"],
        "current_role": "regional_commissioner", "step_since": now, "submitted_at": now,
    }
    defaults.update(fields)
    application = Application(applicant=person, **defaults)
    application.scan.save("licence.pdf", ContentFile(PDF), save=False)
    application.save()
    return application
