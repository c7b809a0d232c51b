"""Evidence files are named by what they hold, not by what the uploader called them."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from coachready.core.uploads import named_by_content
from tests.factories import give_record

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.mark.parametrize(("uploaded_as", "content", "stored_ext"), [
    ("x.pdf.html", PDF, "pdf"),
    ("scan.html", PNG, "png"),
    ("photo.PNG", JPEG, "jpg"),
    ("certificate.pdf", PDF, "pdf"),
    ("no-extension", PNG, "png"),
    ("page.pdf", b"<html><script>alert(1)</script>", "bin"),
])
def test_the_stored_extension_is_the_contents_type(uploaded_as, content, stored_ext):
    assert named_by_content(uploaded_as, ContentFile(content)).rsplit(".", 1)[-1] == stored_ext


def test_an_uploaded_certificate_is_stored_under_a_random_name_with_its_contents_extension(world):
    record = give_record(world.coach, "safe_haven", date(2025, 1, 1), status="pending",
                         evidence=SimpleUploadedFile("x.pdf.html", PDF, content_type="text/html"))
    stored = record.evidence.name.rsplit("/", 1)[-1]
    assert stored.endswith(".pdf") and "html" not in stored and "x." not in stored
    with record.evidence.open("rb") as stored_file:
        assert stored_file.read() == PDF


def test_a_licence_scan_saved_by_name_is_stored_with_its_contents_extension(world):
    from tests.crosscert.conftest import make_application

    application = make_application(world.coach)
    application.scan.save("licence.html", ContentFile(PNG), save=True)
    assert application.scan.name.endswith(".png")
