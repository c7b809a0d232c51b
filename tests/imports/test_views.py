"""Import and export pages: who may use them, and the upload → preview → commit flow."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coachready.certs.models import CertificationRecord
from coachready.imports.batches import create_batch
from coachready.imports.models import ImportBatch
from coachready.org.models import AuditEntry, Person
from tests.factories import give_record, make_person
from tests.imports.helpers import RECORD_HEADER, csv_bytes

pytestmark = pytest.mark.django_db

ALLOWED = [("rca", 200), ("rc", 200), ("section_ca", 200), ("national", 200),
           ("other_rca", 403), ("coach", 403), ("instructor", 403)]


def good_file(world, rows=None) -> bytes:
    rows = rows or [["", "Coach", "Casey", world.coach.email, "U-10 Coach", "2024-03-01"]]
    return csv_bytes([RECORD_HEADER, *rows])


@pytest.fixture
def batch(world):
    return create_batch(good_file(world), "records.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))


def region_pages(batch):
    return [
        reverse("imports:upload", args=[60]),
        reverse("imports:preview", args=[60, batch.pk]),
        reverse("imports:export", args=[60]),
        reverse("imports:export_file", args=[60, "volunteers", "csv"]),
        reverse("imports:export_file", args=[60, "records", "xlsx"]),
    ]


@pytest.mark.parametrize(("persona", "status"), ALLOWED)
def test_region_pages_by_persona(world, login, batch, persona, status):
    client = login(getattr(world, persona))
    for url in region_pages(batch):
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize("action", ["commit", "cancel", "decide"])
@pytest.mark.parametrize("persona", ["other_rca", "coach"])
def test_outsiders_cannot_act_on_an_upload(world, login, batch, action, persona):
    response = login(getattr(world, persona)).post(reverse(f"imports:{action}", args=[60, batch.pk]))
    assert response.status_code == 403
    batch.refresh_from_db()
    assert batch.status == "preview" and not CertificationRecord.objects.exists()


def test_an_upload_is_not_reachable_through_another_region(world, login, batch):
    client = login(world.other_rca)
    assert client.get(reverse("imports:preview", args=[61, batch.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(world, client, batch):
    urls = [*region_pages(batch), reverse("imports:export_all"), reverse("imports:sample", args=["records.csv"])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url
    response = client.post(reverse("imports:commit", args=[60, batch.pk]))
    assert response.status_code == 302 and not CertificationRecord.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("area_ca", 200), ("section_ca", 200), ("rca", 200),
                                                 ("coach", 403), ("instructor", 403)])
def test_export_of_all_my_regions(world, login, persona, status):
    client = login(getattr(world, persona))
    assert client.get(reverse("imports:export_all")).status_code == status
    assert client.get(reverse("imports:export_all_file", args=["volunteers", "csv"])).status_code == status


def test_an_area_export_holds_every_region_of_the_area(world, login):
    response = login(world.area_ca).get(reverse("imports:export_all_file", args=["volunteers", "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Outsider" in text and "Casey" in text
    region_60 = login(world.rca).get(reverse("imports:export_file", args=[60, "volunteers", "csv"]))
    assert "Outsider" not in b"".join(region_60.streaming_content).decode()


def test_the_region_nav_offers_import_and_export(world, login):
    page = login(world.rca).get(reverse("org:region", args=[60])).content.decode()
    assert reverse("imports:upload", args=[60]) in page and reverse("imports:export", args=[60]) in page


@pytest.mark.parametrize("name", ["volunteers.csv", "records.xlsx", "licence-grade-export.csv",
                                  "training-report.xlsx"])
def test_samples_download(world, login, name):
    response = login(world.coach).get(reverse("imports:sample", args=[name]))
    assert response.status_code == 200 and name in response["Content-Disposition"]


def test_unknown_samples_and_exports_are_404(world, login):
    client = login(world.rca)
    assert client.get(reverse("imports:sample", args=["secrets.csv"])).status_code == 404
    assert client.get(reverse("imports:export_file", args=[60, "people", "csv"])).status_code == 404
    assert client.get(reverse("imports:export_file", args=[60, "records", "pdf"])).status_code == 404


def test_upload_preview_commit(world, login):
    client = login(world.rca)
    upload = SimpleUploadedFile("records.csv", good_file(world), content_type="text/csv")
    response = client.post(reverse("imports:upload", args=[60]), {"file": upload, "undated_on": "2026-08-01"})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:preview", args=[60, batch.pk])
    assert batch.file.name.startswith("private/imports/") and batch.uploaded_by == world.rca.user
    preview = client.get(response["Location"]).content.decode()
    assert "10U Coach" in preview and "Nothing has been saved yet" in preview
    assert not CertificationRecord.objects.exists()
    response = client.post(reverse("imports:commit", args=[60, batch.pk]))
    assert response.status_code == 302
    record = CertificationRecord.objects.get()
    assert (record.person, record.requirement, record.source, record.status) == (world.coach, "coach_10u",
                                                                                 "import", "verified")
    assert record.verified_by == world.rca.user and record.source_ref == f"imports.batch:{batch.pk}"
    assert AuditEntry.objects.filter(action="imports.batch.committed", region=world.region).count() == 1
    again = client.post(reverse("imports:commit", args=[60, batch.pk]), follow=True)
    assert "already been imported" in again.content.decode() and CertificationRecord.objects.count() == 1


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"\x00\x01binary", "x.csv", "binary data"),
    ("Admin_ID,Last_Name\n1,Pérez\n".encode("latin-1"), "x.csv", "not UTF-8"),
    (b"a,b\n1,2\n", "x.csv", "No header row"),
    (b"Admin_ID,Last_Name,First_Name\n1,Coach,Casey\n", "x.csv", None),
])
def test_a_bad_file_is_refused_next_to_the_field(world, login, content, name, message):
    client = login(world.rca)
    data = {"file": SimpleUploadedFile(name, content), "undated_on": "2026-08-01"}
    if message is None:  # a volunteers file forced to be read as records
        data["kind"], message = "records", "needs a course column"
    response = client.post(reverse("imports:upload", args=[60]), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not ImportBatch.objects.exists() and not AuditEntry.objects.exists()


def test_a_file_with_errors_is_refused_unless_the_admin_skips_them(world, login):
    rows = [["", "Coach", "Casey", world.coach.email, "U-10 Coach", "2024-03-01"],
            ["", "Coach", "Casey", world.coach.email, "Basket Weaving", "2024-03-01"]]
    batch = create_batch(good_file(world, rows), "r.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))
    client = login(world.rca)
    page = client.get(reverse("imports:preview", args=[60, batch.pk])).content.decode()
    assert "unknown course &#x27;Basket Weaving&#x27;" in page and "Skip the rows with errors" in page
    refused = client.post(reverse("imports:commit", args=[60, batch.pk]), follow=True).content.decode()
    assert "1 row has errors" in refused and not CertificationRecord.objects.exists()
    client.post(reverse("imports:commit", args=[60, batch.pk]), {"skip_invalid": "on"})
    assert CertificationRecord.objects.count() == 1


@pytest.mark.parametrize(("decision", "people_named_chen"), [("same", 1), ("new", 2), ("", 1)])
def test_a_near_match_waits_for_a_decision(world, login, decision, people_named_chen):
    william = make_person(world.region, "William", "Chen", user=False, email="wchen@example.org",
                          birth_date=date(1979, 9, 30))
    data = csv_bytes([["Last_Name", "First_Name", "Email", "Birth_Date", "Phone"],
                      ["Chen", "Bill", "wchen@example.org", "1979-09-30", "626-555-0142"]])
    batch = create_batch(data, "v.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))
    client = login(world.rca)
    page = client.get(reverse("imports:preview", args=[60, batch.pk])).content.decode()
    assert "Same person as William Chen" in page
    client.post(reverse("imports:decide", args=[60, batch.pk]), {"row-2": decision})
    client.post(reverse("imports:commit", args=[60, batch.pk]))
    assert Person.objects.filter(last_name="Chen").count() == people_named_chen
    william.refresh_from_db()
    assert (william.phone == "626-555-0142") == (decision == "same")
    assert william.first_name == "William"


def test_cancel_keeps_the_upload_and_writes_nothing(world, login, batch):
    login(world.rca).post(reverse("imports:cancel", args=[60, batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "cancelled" and not CertificationRecord.objects.exists()


def test_exports_are_audited(world, login):
    login(world.rca).get(reverse("imports:export_file", args=[60, "records", "csv"]))
    assert AuditEntry.objects.filter(action="imports.export.records", actor=world.rca.user).exists()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    return len(ctx.captured_queries)


def test_exports_and_preview_take_the_same_queries_for_ten_or_a_hundred_people(world, login):
    client = login(world.rca)
    client.get(reverse("core:home"))  # signing in lands here first; the second-factor check runs once

    def grow(n):
        for i in range(n):
            person = make_person(world.region, f"P{i}", "Grow", user=False)
            give_record(person, "safe_haven", date(2020, 1, 1))

    def measure():
        data = csv_bytes([RECORD_HEADER, *[["", "Grow", p.first_name, p.email, "10U Coach", "2024-01-01"]
                                           for p in Person.objects.filter(last_name="Grow")]])
        batch = create_batch(data, "g.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))
        return [_queries(client, reverse("imports:export_file", args=[60, name, fmt]))
                for name in ("volunteers", "records") for fmt in ("csv", "xlsx")] + [
            _queries(client, reverse("imports:preview", args=[60, batch.pk]))]

    grow(10)
    small = measure()
    grow(90)
    assert measure() == small


@pytest.mark.parametrize(("persona", "offered"), [("area_ca", True), ("section_ca", True), ("national", True),
                                                  ("rca", False), ("coach", False)])
def test_home_offers_the_multi_region_export_to_those_above_a_region(world, login, persona, offered):
    page = login(getattr(world, persona)).get(reverse("core:home")).content.decode()
    assert (reverse("imports:export_all") in page) == offered
