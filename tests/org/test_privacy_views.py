"""Privacy requests on the web: only the region's Regional Commissioner and
safety advocate export or erase from the person's page; a volunteer
downloads their own data from /my/."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from coachready.org.models import AuditEntry, Person


@pytest.mark.parametrize(("persona", "status"), [
    ("rc", 200), ("safety", 200),
    ("coach", 403), ("rca", 403), ("other_rca", 403), ("area_ca", 403), ("national", 403), ("referee", 403),
])
@pytest.mark.parametrize("page", ["org:privacy", "org:privacy_erase"])
def test_only_the_regions_commissioner_and_safety_advocate_see_the_privacy_pages(world, login, persona, status, page):
    assert login(getattr(world, persona)).get(reverse(page, args=[world.referee.pk])).status_code == status


@pytest.mark.parametrize(("persona", "status"), [("coach", 403), ("rca", 403), ("other_rca", 403)])
def test_others_can_neither_export_nor_erase(world, login, persona, status):
    client = login(getattr(world, persona))
    assert client.post(reverse("org:privacy_export", args=[world.referee.pk])).status_code == status
    erase = client.post(reverse("org:privacy_erase", args=[world.referee.pk]), {"confirm": "erase"})
    assert erase.status_code == status
    assert Person.objects.filter(pk=world.referee.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(world, login):
    response = login(None).get(reverse("org:privacy", args=[world.referee.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_person_is_404(world, login):
    assert login(world.rc).get(reverse("org:privacy", args=[999999])).status_code == 404


def test_the_person_page_offers_the_privacy_request_to_the_rc_only(world, login):
    url = reverse("org:person", args=[world.referee.pk])
    assert reverse("org:privacy", args=[world.referee.pk]) in login(world.rc).get(url).content.decode()
    assert reverse("org:privacy", args=[world.referee.pk]) not in login(world.rca).get(url).content.decode()


def test_the_safety_advocate_downloads_an_export_and_it_is_audited(world, login):
    response = login(world.safety).post(reverse("org:privacy_export", args=[world.referee.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["person"]["email"] == world.referee.email
    entry = AuditEntry.objects.get(action="org.privacy.exported")
    assert entry.actor == world.safety.user and entry.object_id == str(world.referee.pk)


def test_erasure_asks_for_confirmation_then_erases_and_is_audited(world, login):
    client = login(world.rc)
    url = reverse("org:privacy_erase", args=[world.referee.pk])
    assert client.post(url, {}).status_code == 400
    assert Person.objects.filter(pk=world.referee.pk).exists()
    response = client.post(url, {"confirm": "erase"})
    assert response.status_code == 302 and response["Location"] == reverse("org:people", args=[world.region.number])
    assert not Person.objects.filter(pk=world.referee.pk).exists()
    entry = AuditEntry.objects.get(action="org.privacy.erased")
    assert entry.actor == world.rc.user and entry.region == world.region
    assert world.referee.email not in json.dumps(entry.data)


def test_a_volunteer_downloads_their_own_data_from_my_page(world, login):
    client = login(world.coach)
    assert reverse("org:my_data") in client.get(reverse("certs:checklist")).content.decode()
    response = client.post(reverse("org:my_data"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["person"]["id"] == world.coach.pk
    assert client.get(reverse("org:my_data")).status_code == 405


@pytest.mark.parametrize(("persona", "status"), [
    ("rc", 200), ("safety", 200), ("rca", 403), ("coach", 403), ("other_rca", 403),
])
def test_the_retention_period_is_set_by_the_rc_and_safety_advocate(world, login, persona, status):
    assert login(getattr(world, persona)).get(reverse("org:retention", args=[60])).status_code == status


@pytest.mark.parametrize(("days", "status", "saved"), [("90", 302, 90), ("29", 400, 365), ("abc", 400, 365)])
def test_the_retention_period_is_checked_saved_and_audited(world, login, days, status, saved):
    response = login(world.rc).post(reverse("org:retention", args=[60]), {"message_retention_days": days})
    assert response.status_code == status
    world.region.refresh_from_db()
    assert world.region.message_retention_days == saved
    assert AuditEntry.objects.filter(action="org.region.retention_changed").exists() is (status == 302)
