"""Digests and weekly summaries in each recipient's language."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from coachready.notify.models import NotificationPreference, OutboundEmail
from coachready.notify.services.digest import send_digests, send_region_digest
from tests.notify.test_digests import sections  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_each_administrator_reads_the_digest_in_their_language(world, sections):  # noqa: F811
    world.rc.language = "zh-hant"
    world.rc.save(update_fields=["language"])
    world.rca.language = "es"
    world.rca.save(update_fields=["language"])
    outcome = send_region_digest(world.region, date(2026, 9, 14))
    assert outcome.status == "sent"
    subjects = dict(OutboundEmail.objects.values_list("person_id", "subject"))
    assert subjects[world.rc.pk] == "第60區每週摘要：2026年第38週"
    assert subjects[world.rca.pk] == "Resumen semanal de la Región 60, semana 38 de 2026"


def test_a_weekly_summary_in_the_volunteers_language(world):
    NotificationPreference.objects.create(person=world.coach, frequency="weekly")
    world.coach.language = "zh-hans"
    world.coach.save(update_fields=["language"])
    for n in (1, 2):
        OutboundEmail.objects.create(to=[world.coach.email], subject=f"Note {n}", text="Hi", html="<p>Hi</p>",
                                     kind="optional", status="held", region=world.region, person=world.coach)
    send_digests(date(2026, 9, 14), world.region)
    (summary,) = [m for m in mail.outbox if m.subject.startswith("您的每周摘要")]
    assert summary.subject == "您的每周摘要：2 条消息"
    assert "您选择以每周摘要代替单独的邮件" in summary.body
