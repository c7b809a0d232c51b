"""Region administrators: verification queue, readiness, compliance,
manual entry and email — each refused to outsiders."""

from __future__ import annotations

import csv
import io
from datetime import date
from unittest.mock import patch

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.org.models import AuditEntry
from tests.certs.conftest import add_coaches
from tests.certs.test_portal_views import PDF, PNG
from tests.factories import give_record, give_role, make_person


def region_pages(world):
    n = world.region.number
    return [
        reverse("certs:verify", args=[n]),
        reverse("certs:readiness", args=[n]),
        reverse("certs:compliance", args=[n]),
        reverse("certs:email", args=[n]),
        reverse("certs:manual_record", args=[n, world.coach.pk]),
    ]


@pytest.mark.parametrize("persona", ["rca", "rc", "safety", "area_ca", "national"])
def test_region_administrators_see_every_page(login, world, season, persona):
    add_coaches(season, 2)
    client = login(getattr(world, persona))
    for url in region_pages(world):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(("persona", "status"), [("coach", 403), ("other_rca", 403), ("referee", 403), (None, 302)])
def test_outsiders_are_refused(login, world, season, persona, status):
    client = login(getattr(world, persona) if persona else None)
    for url in region_pages(world):
        assert client.get(url).status_code == status, url


def test_unknown_region_is_404(login, world):
    assert login(world.rca).get(reverse("certs:readiness", args=[999])).status_code == 404


def _pending(world, content=PNG, name="c.png"):
    return give_record(world.coach, "safe_haven", date(2025, 5, 1), status="pending", source="upload",
                       evidence=SimpleUploadedFile(name, content))


def test_queue_previews_files_on_demand_without_reading_them(login, world):
    _pending(world)
    give_record(world.referee, "concussion", date(2025, 5, 1), status="pending", source="upload",
                evidence=SimpleUploadedFile("c.pdf", PDF))
    client = login(world.rca)
    with patch("django.core.files.storage.FileSystemStorage.open", side_effect=AssertionError("file read")):
        body = client.get(reverse("certs:verify", args=[60])).content.decode()
    # Each preview sits in a closed <details>: nothing loads until it is opened.
    assert body.count('<details class="evidence-preview">') == 2
    assert '<img src="/records/' in body and 'loading="lazy"' in body
    assert '<iframe src="/records/' in body
    assert "<object" not in body


def test_queue_query_count_does_not_grow_with_the_queue(login, world):
    client = login(world.rca)
    _pending(world)
    client.get(reverse("certs:verify", args=[60]))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("certs:verify", args=[60]))
    for _ in range(15):
        _pending(world)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("certs:verify", args=[60]))
    assert len(many) == len(one)


def test_approve_with_corrected_date_audits_and_tells_the_volunteer(login, world, django_capture_on_commit_callbacks):
    record = _pending(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.rca).post(reverse("certs:approve", args=[60, record.pk]),
                                          {f"a{record.pk}-completed_on": "2025-04-30"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == "verified" and record.completed_on == date(2025, 4, 30)
    assert record.verified_by == world.rca.user
    entry = AuditEntry.objects.get(action="certs.record.verified")
    assert entry.data["completed_on"] == ["2025-05-01", "2025-04-30"]
    assert len(mail.outbox) == 1 and "verified" in mail.outbox[0].subject
    assert mail.outbox[0].to == [world.coach.email]


def test_reject_needs_a_reason(login, world, django_capture_on_commit_callbacks):
    record = _pending(world)
    client = login(world.rca)
    response = client.post(reverse("certs:reject", args=[60, record.pk]), {f"r{record.pk}-reason": "  "})
    assert response.status_code == 400
    assert "reason" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certs:reject", args=[60, record.pk]), {f"r{record.pk}-reason": "Blurry scan"})
    record.refresh_from_db()
    assert record.status == "rejected" and record.rejection_reason == "Blurry scan"
    assert AuditEntry.objects.filter(action="certs.record.rejected").exists()
    assert "Blurry scan" in mail.outbox[0].body
    history = login(world.coach).get(reverse("certs:history")).content.decode()
    assert "Not accepted" in history and "Blurry scan" in history


def test_approve_future_date_refused(login, world):
    record = _pending(world)
    response = login(world.rca).post(reverse("certs:approve", args=[60, record.pk]),
                                      {f"a{record.pk}-completed_on": "2999-01-01"})
    assert response.status_code == 400
    record.refresh_from_db()
    assert record.status == "pending"


def test_other_region_admin_cannot_decide(login, world):
    record = _pending(world)
    response = login(world.other_rca).post(reverse("certs:approve", args=[60, record.pk]), {})
    assert response.status_code == 403
    response = login(world.other_rca).post(reverse("certs:approve", args=[61, record.pk]), {})
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.status == "pending"


def test_deciding_twice_is_refused(login, world):
    record = _pending(world)
    client = login(world.rca)
    client.post(reverse("certs:approve", args=[60, record.pk]), {})
    client.post(reverse("certs:reject", args=[60, record.pk]), {f"r{record.pk}-reason": "late"})
    record.refresh_from_db()
    assert record.status == "verified"


def test_dashboard_filters_and_search(login, world, season):
    people = add_coaches(season, 4)
    client = login(world.rca)
    response = client.get(reverse("certs:readiness", args=[60]), {"status": "not_ready"})
    assert response.context["listed_count"] == 2
    assert "<svg" in response.content.decode()
    response = client.get(reverse("certs:readiness", args=[60]), {"q": people[1].volunteer_id})
    assert response.context["listed_count"] == 1
    response = client.get(reverse("certs:readiness", args=[60]), {"requirement": "coach_10u"})
    assert response.context["listed_count"] == 2
    response = client.get(reverse("certs:readiness", args=[60]), {"division": "12U"})
    assert response.context["listed_count"] == 0


@pytest.mark.parametrize("cached", [False, True], ids=["computed", "cached"])
def test_dashboard_query_count_does_not_grow_with_people(login, world, season, cached,
                                                         django_assert_max_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.rca)
    url = reverse("certs:readiness", args=[60])
    add_coaches(season, 3)
    client.get(url)  # sessions, policy and the readiness stamp exist from here on

    def measured(client):  # noqa: ANN001
        if not cached:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return response, len(queries.captured_queries)

    client.get(url)
    _, small = measured(client)
    add_coaches(season, 9)
    client.get(url)
    with django_assert_max_num_queries(small):
        response, _ = measured(client)
    assert "12 coach assignments" in response.content.decode()


def test_csv_and_xlsx_exports_parse_back(login, world, season):
    add_coaches(season, 2)
    bad = make_person(world.region, "=HYPERLINK(1)", "Evil", user=False)
    from coachready.teams.models import CoachAssignment, Team

    CoachAssignment.objects.create(team=Team.objects.create(season=season, division="10U", name="X"), person=bad,
                                   role="head_coach")
    client = login(world.rca)
    response = client.get(reverse("certs:readiness", args=[60]), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffperson,") and text.count("\r\n") == 4
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 3
    assert {r["eligible"] for r in rows} == {"yes", "no"}
    assert any(r["person"].startswith("'=") for r in rows)
    assert all(r["unmet"] == "" for r in rows if r["eligible"] == "yes")

    from openpyxl import load_workbook

    response = client.get(reverse("certs:readiness", args=[60]), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][:4] == ("person", "volunteer_id", "team", "division")
    assert len(values) == 4
    assert any(str(v[0]).startswith("'=") for v in values[1:])


def test_compliance_counts_youth_as_exempt(login, world, season):
    youth = make_person(world.region, "Yuki", "Young", user=False,
                        birth_date=date(timezone.localdate().year - 15, 1, 1))
    give_role(youth, "referee", region=world.region)
    adult = make_person(world.region, "Adam", "Adult", user=False)
    give_role(adult, "referee", region=world.region)
    response = login(world.rca).get(reverse("certs:compliance", args=[60]))
    entries = {e.code: e for e in response.context["entries"]}
    # The world's referee persona, the adult and the youth: the youth is exempt.
    assert len(entries["safesport"].exempt) == 1
    assert len(entries["safesport"].incomplete) == 2
    assert len(entries["safe_haven"].incomplete) == 3
    drill = login(world.rca).get(reverse("certs:compliance", args=[60]),
                                 {"requirement": "safesport", "show": "exempt"})
    assert [p.name for p in drill.context["people"]] == ["Yuki Young"]


def test_manual_entry_records_verified_completion_with_evidence(login, world):
    response = login(world.rca).post(reverse("certs:manual_record", args=[60, world.coach.pk]), {
        "requirement": "coach_10u", "completed_on": "2026-03-01", "source": "event",
        "note": "Spring class", "evidence": SimpleUploadedFile("c.pdf", PDF),
    })
    assert response.status_code == 302
    record = CertificationRecord.objects.get(person=world.coach)
    assert record.status == "verified" and record.source == "event" and record.evidence
    assert record.verified_by == world.rca.user


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"requirement": "coach_10u", "completed_on": "2999-01-01", "source": "event"}, "completed_on"),
        ({"requirement": "background_check", "completed_on": "2026-03-01", "source": "manual"}, "risk_status"),
        ({"requirement": "safe_haven", "completed_on": "2026-03-01", "source": "manual", "risk_status": "green"},
         "risk_status"),
        ({"requirement": "safesport", "completed_on": "2026-03-01", "valid_until": "2025-01-01",
          "source": "manual"}, "valid_until"),
        ({"requirement": "nonsense", "completed_on": "2026-03-01", "source": "manual"}, "requirement"),
        ({"requirement": "safe_haven", "completed_on": "2026-03-01", "source": "upload"}, "source"),
    ],
)
def test_manual_entry_bad_input(login, world, fields, field):
    response = login(world.rca).post(reverse("certs:manual_record", args=[60, world.coach.pk]), fields)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CertificationRecord.objects.exists()


def test_manual_entry_for_another_regions_person_is_refused(login, world):
    url = reverse("certs:manual_record", args=[60, world.other_rca.pk])
    assert login(world.rca).get(url).status_code == 404
    url = reverse("certs:manual_record", args=[61, world.other_rca.pk])
    assert login(world.rca).get(url).status_code == 403


def test_email_selected_people(login, world, season, django_capture_on_commit_callbacks):
    people = add_coaches(season, 2)
    outsider = world.other_rca
    client = login(world.rca)
    ids = [people[0].pk, people[1].pk, outsider.pk]
    page = client.get(reverse("certs:email", args=[60]), {"people": ids})
    assert len(page.context["people"]) == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certs:email", args=[60]),
                               {"people": ids, "subject": "Coach course Saturday", "body": "See you there."})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all(m.alternatives for m in mail.outbox)
    assert AuditEntry.objects.filter(action="certs.email.sent").exists()


def test_email_needs_subject_and_people(login, world):
    client = login(world.rca)
    response = client.post(reverse("certs:email", args=[60]), {"subject": "", "body": "x"})
    assert response.status_code == 200 and "subject" in response.context["form"].errors
    response = client.post(reverse("certs:email", args=[60]), {"subject": "s", "body": "x"})
    assert "Select at least one volunteer." in response.content.decode()
    assert mail.outbox == []
