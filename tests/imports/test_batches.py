"""A file is read once per batch: the preview, the decisions and the commit
work from the rows stored at upload."""

from datetime import date

import pytest
from django.urls import reverse

from coachready.certs.models import CertificationRecord
from coachready.imports import parsing
from coachready.imports.batches import create_batch
from coachready.imports.models import ImportRow
from coachready.org.models import Person
from tests.factories import make_person
from tests.imports.helpers import RECORD_HEADER, csv_bytes

pytestmark = pytest.mark.django_db


def records_file(world, extra_rows=()):
    return csv_bytes([[*RECORD_HEADER, "Notes"],
                      ["", "Coach", "Casey", world.coach.email, "U-10 Coach", "2024-03-01", "private remark"],
                      ["", "Coach", "Casey", world.coach.email, "Bogus Course", "2024-03-01", ""],
                      *extra_rows])


@pytest.fixture
def unreadable_files(monkeypatch):
    """After the upload, any attempt to parse a file again fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed again")
    return lambda: monkeypatch.setattr(parsing, "read_table", refuse) or monkeypatch.setattr(
        "coachready.imports.services.read_table", refuse)


def test_rows_are_stored_with_their_outcome_and_only_the_columns_read(world):
    batch = create_batch(records_file(world), "r.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))
    rows = list(ImportRow.objects.filter(batch=batch))
    assert [(r.number, r.action) for r in rows] == [(2, "create"), (3, "error")]
    assert rows[1].errors and "Bogus Course" in rows[1].errors[0][1]
    assert "private remark" not in rows[0].cells and rows[0].cells[:2] == ["", "Coach"]


def test_preview_decisions_and_commit_never_read_the_file_again(world, login, unreadable_files):
    william = make_person(world.region, "William", "Chen", user=False, email="wchen@example.org",
                          birth_date=date(1979, 9, 30))
    data = csv_bytes([["Last_Name", "First_Name", "Email", "Birth_Date", "Phone"],
                      ["Chen", "Bill", "wchen@example.org", "1979-09-30", "626-555-0142"],
                      ["Lin", "Lily", "lily@example.org", "1990-01-02", ""]])
    batch = create_batch(data, "v.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))
    unreadable_files()
    client = login(world.rca)
    page = client.get(reverse("imports:preview", args=[60, batch.pk])).content.decode()
    assert "Same person as William Chen" in page and "Lin" in page
    client.post(reverse("imports:decide", args=[60, batch.pk]), {"row-2": "same"})
    assert ImportRow.objects.get(batch=batch, number=2).action == "update"
    client.post(reverse("imports:commit", args=[60, batch.pk]))
    william.refresh_from_db()
    assert william.phone == "626-555-0142" and Person.objects.filter(last_name="Lin").exists()
    assert not ImportRow.objects.filter(batch=batch).exists()


def test_the_preview_pages_and_filters_the_stored_rows(world, login):
    rows = [["", "Coach", "Casey", world.coach.email, "Bogus", f"2024-03-{day:02d}", ""] for day in range(1, 29)]
    rows = rows * 5  # 140 error rows: duplicates and unknown courses
    batch = create_batch(records_file(world, rows), "r.csv", world.region, world.rca.user,
                         undated_on=date(2026, 8, 1))
    client = login(world.rca)
    url = reverse("imports:preview", args=[60, batch.pk])
    assert "Page 1 of 2" in client.get(url).content.decode()
    only_new = client.get(url, {"show": "create"}).content.decode()
    assert ">2</td>" in only_new and ">3</td>" not in only_new and "Page 1 of" not in only_new
    last = client.get(url, {"page": "2"}).content.decode()
    assert ">142</td>" in last


def test_cancelling_drops_the_stored_rows(world, login):
    batch = create_batch(records_file(world), "r.csv", world.region, world.rca.user, undated_on=date(2026, 8, 1))
    login(world.rca).post(reverse("imports:cancel", args=[60, batch.pk]))
    assert not ImportRow.objects.filter(batch=batch).exists() and not CertificationRecord.objects.exists()


def test_an_upload_through_the_page_reads_the_file_once(world, login, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coachready.imports import services

    reads = []
    real = services.read_table
    monkeypatch.setattr(services, "read_table", lambda *a, **k: reads.append(1) or real(*a, **k))
    upload = SimpleUploadedFile("r.csv", records_file(world), content_type="text/csv")
    response = login(world.rca).post(reverse("imports:upload", args=[60]), {"file": upload, "undated_on": "2026-08-01"})
    assert response.status_code == 302
    assert len(reads) == 1 and ImportRow.objects.count() == 2
