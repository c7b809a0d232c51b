"""Pages show the engine's explanations in the reader's language, while the
JSON API keeps the contracts' English."""

from __future__ import annotations

import json

from django.urls import reverse
from django.utils import translation


def test_checklist_explains_in_the_readers_language(login, world):
    client = login(world.coach)
    url = reverse("certs:checklist") + "?division=schoolyard&role=head_coach"
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "Tome el curso Entrenador de Schoolyard; es obligatorio para" in spanish
    assert "请修读Schoolyard 教练课程" in chinese
    assert "Take the Schoolyard Coach course" not in spanish + chinese


def test_the_api_answers_in_the_contracts_english_whatever_the_language(client):
    body = {"as_of": "2026-09-01", "division": "10U", "records": []}
    with translation.override("es"):
        answer = client.post(reverse("api:eligibility"), json.dumps(body), content_type="application/json").json()
    messages = {item["code"]: item["message"] for item in answer["requirements"]}
    assert messages["coach_10u"].startswith("Take the 10U Coach course; 10U needs it.")
    assert messages["safe_haven"].startswith("Complete Safe Haven (one-time); it is not on record.")
