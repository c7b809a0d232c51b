"""My coaching: checklist, path to ready, upload, history, evidence files."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished
from django.db import close_old_connections
from django.urls import reverse
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.org.models import AuditEntry
from tests.factories import certify, fully_certified_for_10u, give_record

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

PAGES = ["certs:checklist", "certs:path", "certs:upload", "certs:history"]


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_is_sent_to_sign_in(client, world, page):
    response = client.get(reverse(page))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", ["coach", "rca", "rc", "other_rca"])
def test_every_volunteer_sees_their_own_pages(login, world, page, persona):
    response = login(getattr(world, persona)).get(reverse(page))
    assert response.status_code == 200


def test_account_without_volunteer_record_is_refused(client, world, django_user_model):
    user = django_user_model.objects.create_user(username="x", email="x@example.org", password="pw-long-enough-1")
    client.force_login(user)
    assert client.get(reverse("certs:checklist")).status_code == 403


def test_checklist_shows_each_status_in_words(login, world):
    certify(world.coach, [("safe_haven", date(2020, 1, 1), {}),
                          ("background_check", timezone.localdate() - timedelta(days=340), {"risk_status": "green"}),
                          ("safesport", date(2019, 1, 1), {})])
    give_record(world.coach, "concussion", date(2024, 1, 1), status="pending")
    body = login(world.coach).get(reverse("certs:checklist"), {"division": "10U"}).content.decode()
    assert "badge-met" in body and ">Met<" in body
    assert "Due soon" in body          # background check within 60 days of lapsing
    assert "Expired" in body           # SafeSport from 2019, 3-year validity
    assert "Pending verification" in body  # concussion upload waiting
    assert "Missing" in body
    assert "every 3 years" in body


def test_checklist_what_if_another_division(login, world):
    certify(world.coach)
    client = login(world.coach)
    assert "You may coach 10U" in client.get(reverse("certs:checklist"), {"division": "10U"}).content.decode()
    body = client.get(reverse("certs:checklist"), {"division": "u12"}).content.decode()
    assert "12U Coach" in body and "1 step to go for 12U" in body


def test_checklist_unknown_division_says_so(login, world):
    body = login(world.coach).get(reverse("certs:checklist"), {"division": "99U"}).content.decode()
    assert "is not a division" in body


def test_path_to_ready_lists_actions_and_online_route(login, world):
    certify(world.coach, fully_certified_for_10u(without="coach_10u"))
    body = login(world.coach).get(reverse("certs:path"), {"division": "10U"}).content.decode()
    assert "Take: 10U Coach" in body
    assert "Online route" in body


def test_path_rejects_a_past_target_date(login, world):
    body = login(world.coach).get(reverse("certs:path"), {"target": "2001-01-01"}).content.decode()
    assert "Give a target date from today on" in body


def test_upload_becomes_pending(login, world):
    client = login(world.coach)
    response = client.post(reverse("certs:upload"), {
        "requirement": "safe_haven", "completed_on": "2025-05-01",
        "evidence": SimpleUploadedFile("cert.png", PNG, content_type="image/png"),
    })
    assert response.status_code == 302
    record = CertificationRecord.objects.get(person=world.coach)
    assert record.status == "pending" and record.source == "upload"
    assert record.evidence.name.startswith("private/certs/")
    assert AuditEntry.objects.filter(action="certs.record.created", object_id=str(record.pk)).exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"requirement": "safe_haven", "completed_on": "2025-05-01", "file": ("cert.pdf", b"just text")},
         "evidence", "not a PDF, PNG or JPEG"),
        ({"requirement": "safe_haven", "completed_on": "2100-01-01", "file": ("c.pdf", PDF)},
         "completed_on", "cannot be in the future"),
        ({"requirement": "coach_10u", "completed_on": "2025-05-01", "file": ("c.pdf", PDF)},
         "requirement", "Select a valid choice"),
        ({"requirement": "safe_haven", "completed_on": "not a date", "file": ("c.pdf", PDF)},
         "completed_on", "Enter a valid date"),
        ({"requirement": "safe_haven", "completed_on": "2025-05-01", "file": ("c.pdf", b"")},
         "evidence", "empty"),
    ],
)
def test_bad_uploads_are_refused_next_to_the_field(login, world, fields, field, message):
    name, content = fields.pop("file")
    fields["evidence"] = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = login(world.coach).post(reverse("certs:upload"), fields)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not CertificationRecord.objects.exists()


def test_upload_page_says_how_coaching_licences_get_recorded(login, world):
    body = login(world.coach).get(reverse("certs:upload")).content.decode()
    assert "Coaching licences are recorded by the region" in body


def test_history_marks_expired_records(login, world):
    give_record(world.coach, "safesport", date(2019, 1, 1))
    give_record(world.coach, "safe_haven", date(2019, 1, 1))
    body = login(world.coach).get(reverse("certs:history")).content.decode()
    assert "Expired — no longer counts" in body
    assert "Counts<" in body


def test_evidence_served_to_owner_and_region_admin_only(login, world):
    record = give_record(world.coach, "safe_haven", date(2025, 1, 1), status="pending",
                         evidence=SimpleUploadedFile("x.png", PNG))
    url = reverse("certs:evidence", args=[record.pk])

    def fetch(person):
        response = login(person).get(url)
        if response.streaming:
            response.content_bytes = b"".join(response.streaming_content)
            # Closing fires request_finished, whose handler would drop the
            # test's database connection mid-transaction; the test client
            # itself disconnects it the same way while it serves a request.
            request_finished.disconnect(close_old_connections)
            try:
                response.close()
            finally:
                request_finished.connect(close_old_connections)
        return response

    owner = fetch(world.coach)
    assert owner.status_code == 200 and owner["Content-Type"] == "image/png"
    assert owner.content_bytes == PNG
    assert owner["X-Content-Type-Options"] == "nosniff"
    assert owner["Content-Security-Policy"] == "sandbox"
    assert fetch(world.rca).status_code == 200
    assert fetch(world.other_rca).status_code == 403
    assert fetch(world.referee).status_code == 403
    assert fetch(None).status_code == 302
