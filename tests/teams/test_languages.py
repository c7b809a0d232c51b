"""Seasons, teams and the assignment gate in Spanish and Chinese."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation


@pytest.mark.parametrize(("language", "words"), [
    ("es", ["Temporadas y equipos de la Región 60", "Agregar una temporada", "Año de membresía"]),
    ("zh-hant", ["第 60 分區的球季和球隊", "新增球季", "會籍年度"]),
    ("zh-hans", ["第 60 分区的赛季和球队", "添加赛季"]),
])
def test_the_seasons_page_speaks_the_readers_language(login, world, language, words):
    with translation.override(language):
        html = login(world.rca).get(reverse("teams:seasons", args=[60]), HTTP_ACCEPT_LANGUAGE=language)
    for word in words:
        assert word in html.content.decode(), word


def test_a_refused_assignment_is_explained_in_spanish(login, world, season):
    from coachready.teams.models import Team

    team = Team.objects.create(season=season, division="10U", name="Comets")
    url = reverse("teams:team", args=[60, team.pk])
    with translation.override("es"):
        response = login(world.rca).post(url, {"person": world.coach.pk, "role": "head_coach"},
                                         HTTP_ACCEPT_LANGUAGE="es")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Asignar con excepción" in html and "Motivo de la excepción" in html
