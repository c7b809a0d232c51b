"""Region administration pages refuse everyone outside the region's tree."""

import pytest
from django.urls import reverse

from coachready.org.models import AuditEntry, Role, RoleAssignment

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["org:region", "org:people", "org:roles", "org:audit"]


@pytest.mark.parametrize("page", ADMIN_PAGES)
@pytest.mark.parametrize(("persona", "status"), [("rca", 200), ("rc", 200), ("section_ca", 200),
                                                  ("other_rca", 403), ("coach", 403), ("instructor", 403)])
def test_region_pages_by_persona(world, login, page, persona, status):
    client = login(getattr(world, persona))
    assert client.get(reverse(page, args=[60])).status_code == status


@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_anonymous_is_sent_to_sign_in(world, client, page):
    response = client.get(reverse(page, args=[60]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_unknown_region_is_404(world, login):
    assert login(world.national).get(reverse("org:region", args=[999])).status_code == 404


@pytest.mark.parametrize(("persona", "status"), [("coach", 200), ("rca", 200), ("other_rca", 403), ("referee", 403)])
def test_a_volunteers_details_by_persona(world, login, persona, status):
    client = login(getattr(world, persona))
    assert client.get(reverse("org:person", args=[world.coach.pk])).status_code == status


def test_anonymous_cannot_read_a_volunteer(world, client):
    response = client.get(reverse("org:person", args=[world.coach.pk]))
    assert response.status_code == 302


def test_outsider_cannot_change_a_volunteer(world, login):
    client = login(world.other_rca)
    response = client.post(reverse("org:person", args=[world.coach.pk]), {"first_name": "Hacked"})
    assert response.status_code == 403
    world.coach.refresh_from_db()
    assert world.coach.first_name == "Casey"


def test_assigning_a_role_is_audited(world, login):
    client = login(world.rca)
    response = client.post(
        reverse("org:roles", args=[60]),
        {"person": world.referee.pk, "role": Role.COACH, "start_on": "2026-08-01"},
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(person=world.referee, role=Role.COACH).exists()
    entry = AuditEntry.objects.get(action="org.role.assigned")
    assert entry.actor == world.rca.user and entry.region == world.region


def test_a_role_ending_before_it_starts_is_refused(world, login):
    client = login(world.rca)
    response = client.post(
        reverse("org:roles", args=[60]),
        {"person": world.referee.pk, "role": Role.COACH, "start_on": "2026-08-01", "end_on": "2026-07-01"},
    )
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    assert not RoleAssignment.objects.filter(person=world.referee, role=Role.COACH).exists()
    assert not AuditEntry.objects.exists()


def test_an_rca_cannot_assign_into_another_region(world, login):
    client = login(world.rca)
    response = client.post(
        reverse("org:roles", args=[61]),
        {"person": world.other_rca.pk, "role": Role.COACH, "start_on": "2026-08-01"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("bad", [{"start_on": "2026-02-30"}, {"role": "emperor"}, {"person": "abc"}, {}])
def test_malformed_role_form_is_a_message_not_a_500(world, login, bad):
    data = {"person": world.referee.pk, "role": Role.COACH, "start_on": "2026-08-01", **bad}
    if not bad:
        data = {}
    response = login(world.rca).post(reverse("org:roles", args=[60]), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_audit_entries_are_append_only(world):
    from coachready.org.audit import log_action

    entry = log_action("org.test.done", region=world.region, summary="x")
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_signed_in_home_names_the_region(world, login):
    body = login(world.coach).get(reverse("core:home")).content.decode()
    assert "Region 60" in body
