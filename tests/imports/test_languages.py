"""The volunteers file's Language column sets the language each volunteer's
email goes out in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coachready.imports.languages import parse_language
from coachready.imports.services import import_file
from coachready.imports.values import CellError
from coachready.org.models import Person
from tests.imports.helpers import csv_bytes

pytestmark = pytest.mark.django_db

HEADER = ["First Name", "Last Name", "Email", "Birth Date", "Preferred Language"]


@pytest.mark.parametrize(("written", "code"), [
    ("en", "en"), ("English", "en"), ("ENGLISH", "en"), ("Inglés", "en"),
    ("es", "es"), ("Spanish", "es"), ("Español", "es"), ("espanol", "es"), ("es-MX", "es"),
    ("zh-hant", "zh-hant"), ("zh_Hant", "zh-hant"), ("Chinese (Traditional)", "zh-hant"),
    ("Traditional Chinese", "zh-hant"), ("繁體中文", "zh-hant"), ("中文（繁體）", "zh-hant"), ("Cantonese", "zh-hant"),
    ("zh-TW", "zh-hant"),
    ("zh-hans", "zh-hans"), ("Chinese (Simplified)", "zh-hans"), ("chinese-simplified", "zh-hans"),
    ("简体中文", "zh-hans"), ("Mandarin", "zh-hans"), ("普通话", "zh-hans"), ("zh-CN", "zh-hans"),
    ("", ""), ("  ", ""),
])
def test_the_ways_people_write_a_language(written, code):
    assert parse_language(written) == code


@pytest.mark.parametrize(("written", "says"), [
    ("Chinese", "does not say which characters"),
    ("中文", "does not say which characters"),
    ("Klingon", "is not a language CoachReady speaks"),
    ("fr", "is not a language CoachReady speaks"),
])
def test_a_language_the_product_does_not_speak_is_named(written, says):
    with pytest.raises(CellError, match=says):
        parse_language(written)


def test_a_volunteers_file_sets_each_persons_language(world):
    data = csv_bytes([
        HEADER,
        ["Wei", "Wang", "family@example.org", "1984-03-02", "简体中文"],
        ["Na", "Li", "na@example.org", "1986-07-09", "Chinese (Traditional)"],
        ["José", "Núñez", "jose@example.org", "1980-01-01", "Español"],
        ["Pat", "Plain", "pat@example.org", "1979-05-05", ""],
    ])
    result = import_file(data, "volunteers.csv", world.region, world.rca.user)
    assert not result.errors
    languages = dict(Person.objects.filter(home_region=world.region, email__in=[
        "family@example.org", "na@example.org", "jose@example.org", "pat@example.org",
    ]).values_list("email", "language"))
    assert languages == {"family@example.org": "zh-hans", "na@example.org": "zh-hant",
                         "jose@example.org": "es", "pat@example.org": ""}

    # A second file changes the language; an empty cell leaves it alone.
    again = csv_bytes([HEADER, ["Na", "Li", "na@example.org", "1986-07-09", "Spanish"],
                       ["José", "Núñez", "jose@example.org", "1980-01-01", ""]])
    import_file(again, "volunteers.csv", world.region, world.rca.user)
    assert Person.objects.get(email="na@example.org").language == "es"
    assert Person.objects.get(email="jose@example.org").language == "es"


def test_an_unknown_language_is_a_row_error_in_the_preview_not_a_500(world, login):
    data = csv_bytes([HEADER, ["Wei", "Wang", "wei@example.org", "1984-03-02", "Klingon"],
                      ["Na", "Li", "na@example.org", "1986-07-09", "Chinese"]])
    result = import_file(data, "volunteers.csv", world.region, world.rca.user, dry_run=True)
    assert [(row, column) for row, column, _ in result.errors] == [(2, "Preferred Language"), (3, "Preferred Language")]
    assert "Klingon" in result.errors[0][2] and "Chinese (Simplified)" in result.errors[1][2]

    client = login(world.rca)

    response = client.post(reverse("imports:upload", args=[world.region.number]), {
        "file": SimpleUploadedFile("volunteers.csv", data, content_type="text/csv"),
        "kind": "volunteers", "undated_on": "2026-01-01",
    }, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Klingon" in page and "is not a language CoachReady speaks" in page
    assert not Person.objects.filter(email="wei@example.org").exists()


def test_the_upload_page_documents_the_language_column(world, login):
    page = login(world.rca).get(reverse("imports:upload", args=[world.region.number])).content.decode()
    assert "Preferred Language" in page


def test_an_administrator_reading_chinese_sees_the_row_errors_in_chinese(world, login):
    from django.utils import translation

    data = csv_bytes([HEADER, ["Wei", "Wang", "wei@example.org", "1984-03-02", "Klingon"]])
    client = login(world.rca)
    with translation.override("zh-hans"):
        response = client.post(reverse("imports:upload", args=[world.region.number]), {
            "file": SimpleUploadedFile("volunteers.csv", data, content_type="text/csv"),
            "kind": "volunteers", "undated_on": "2026-01-01",
        }, follow=True, HTTP_ACCEPT_LANGUAGE="zh-Hans")
    page = response.content.decode()
    assert response.status_code == 200
    assert "CoachReady 不支持“Klingon”" in page and "有 1 行有错误。" in page
