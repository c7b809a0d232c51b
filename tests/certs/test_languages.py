"""My coaching and the region's certification pages in Spanish and Chinese:
the words around the rules' own text come from the certs catalogue, and a
decision email reaches the volunteer in their language."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from coachready.org.models import Person
from tests.factories import give_record

# A language as a browser asks for it, and words its pages must then show.
SPOKEN = [
    ("es", {
        "certs:checklist": ["Mi lista de requisitos de entrenador", "Requisito", "Descargar mis datos (JSON)"],
        "certs:upload": ["Subir un certificado de finalización", "Archivo del certificado", "Subir"],
        "certs:path": ["Mi camino para estar listo"],
        "certs:history": ["Mis registros de certificación"],
    }),
    ("zh-hant", {
        "certs:checklist": ["我的教練資格清單", "要求", "下載我的資料（JSON）"],
        "certs:upload": ["上傳結業證書", "證書檔案", "教練牌照由分區記錄"],
        "certs:path": ["我的就緒之路"],
        "certs:history": ["我的認證記錄"],
    }),
    ("zh-hans", {
        "certs:checklist": ["我的教练资格清单"],
        "certs:upload": ["上传结业证书", "证书文件"],
    }),
]


def _get(client, url: str, language: str) -> str:
    with translation.override(language):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("language", "pages"), SPOKEN, ids=[lang for lang, _ in SPOKEN])
def test_my_coaching_pages_speak_the_readers_language(login, world, language, pages):
    client = login(world.coach)
    for page, words in pages.items():
        html = _get(client, reverse(page), language)
        for word in words:
            assert word in html, (page, word)


def test_the_checklist_in_english_is_unchanged(login, world):
    html = _get(login(world.coach), reverse("certs:checklist"), "en")
    assert "My coaching checklist" in html and "Mi lista" not in html


def test_the_readiness_dashboard_and_its_chart_in_traditional_chinese(login, world):
    html = _get(login(world.rca), reverse("certs:readiness", args=[world.region.number]), "zh-hant")
    assert "誰還缺甚麼" in html and "篩選" in html


def _reads(person: Person, language: str, monkeypatch) -> None:  # noqa: ANN001
    """Give `person` a language whether or not Person has the field yet."""
    if any(field.name == "language" for field in Person._meta.fields):
        person.language = language
        person.save(update_fields=["language"])
    else:
        monkeypatch.setattr(Person, "language", language, raising=False)


@pytest.mark.parametrize(("language", "subject", "body"), [
    ("es", "certificado no aceptado", "Motivo:"),
    ("zh-hant", "證書未被接受", "原因："),
])
def test_a_rejection_reaches_the_volunteer_in_their_language(login, world, monkeypatch, language, subject, body,
                                                             django_capture_on_commit_callbacks):
    _reads(world.coach, language, monkeypatch)
    record = give_record(world.coach, "safe_haven", date(2025, 5, 1), status="pending", source="upload",
                         evidence=SimpleUploadedFile("c.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64))
    with django_capture_on_commit_callbacks(execute=True):
        login(world.rca).post(reverse("certs:reject", args=[60, record.pk]), {f"r{record.pk}-reason": "Borrosa"})
    message = mail.outbox[-1]
    assert subject in message.subject
    assert body in message.body and "Borrosa" in message.body
    # The administrator who decided reads their own language afterwards.
    assert translation.get_language() in ("en", "en-us")
