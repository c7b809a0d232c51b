"""The audit log in words: a label per action, the reason a rejection gave,
requirement titles instead of codes."""

from __future__ import annotations

import pathlib
import re

import pytest
from django.urls import reverse

from coachready.org.audit import log_action
from coachready.org.audit_words import action_label, entry_reason
from coachready.org.models import AuditEntry
from tests.certs.test_admin_views import _pending


@pytest.mark.parametrize(("code", "words"), [
    ("certs.record.rejected", "Record rejected"),
    ("teams.assignment.overridden", "Coach assigned with an override"),
    ("imports.export.volunteers", "Export downloaded"),
    ("someone.new.code", "someone.new.code"),
])
def test_action_label(code, words):
    assert action_label(code) == words


@pytest.mark.parametrize(("data", "reason"), [
    ({"reason": " Blurry scan "}, "Blurry scan"),
    ({"reason": None}, ""),
    ({}, ""),
    ([], ""),
])
def test_entry_reason(data, reason):
    assert entry_reason(data) == reason


def test_every_action_the_code_writes_has_words():
    """Every action code written anywhere has words (a new code must add
    its label)."""
    src = pathlib.Path(__file__).resolve().parents[2] / "src" / "coachready"
    pattern = re.compile(r'"((?:certs|crosscert|heading|imports|notify|org|schoolyard|site|teams|training)'
                         r'\.[a-z_]+\.[a-z_]+)"')
    written = set()
    for path in src.rglob("*.py"):
        if "migrations" not in path.parts:
            written |= set(pattern.findall(path.read_text()))
    assert "certs.record.rejected" in written
    assert all(action_label(code) != code for code in written), [c for c in written if action_label(c) == c]


def test_rejection_reads_as_words_with_its_reason(login, world, django_capture_on_commit_callbacks):
    record = _pending(world)
    client = login(world.rca)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("certs:reject", args=[60, record.pk]), {f"r{record.pk}-reason": "Blurry scan"})
    entry = AuditEntry.objects.get(action="certs.record.rejected")
    assert entry.data["reason"] == "Blurry scan"
    title = world.region.policy().title_of(record.requirement)
    assert entry.summary.startswith(title)
    for url in (reverse("org:audit", args=[60]), reverse("org:person", args=[world.coach.pk])):
        html = client.get(url).content.decode()
        assert "Record rejected" in html, url
        assert "Reason: Blurry scan" in html, url
        assert "certs.record.rejected" not in html.replace('value="certs.record.rejected"', ""), url
        assert f">{record.requirement} of" not in html, url


def test_audit_filter_offers_words_and_keeps_the_code_as_value(login, world):
    log_action("org.role.assigned", region=world.region, summary="given")
    html = login(world.rca).get(reverse("org:audit", args=[60]) + "?action=org.role.assigned").content.decode()
    assert '<option value="org.role.assigned" selected>Role given</option>' in html
