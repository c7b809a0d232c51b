"""Contact and interest messages are kept only as long as their region says,
and the client addresses stored with them only 30 days."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from coachready.org.models import AuditEntry
from coachready.site.models import ContactMessage, InterestNote
from coachready.site.services.retention import apply_retention
from tests.factories import make_person


def contact(region, days_old: int) -> ContactMessage:
    message = ContactMessage.objects.create(region=region, name="Val Visitor", email="val@example.org",
                                            message="Hello", ip_address="203.0.113.7")
    ContactMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return message


def interest(region, person, days_old: int) -> InterestNote:
    note = InterestNote.objects.create(region=region, person=person, ip_address="2001:db8::1")
    InterestNote.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return note


@pytest.mark.parametrize(("days_old", "kept", "address_kept"), [
    (0, True, True),
    (29, True, True),
    (31, True, False),
    (364, True, False),
    (366, False, False),
])
def test_a_message_is_kept_for_the_regions_default_year(world, days_old, kept, address_kept):
    message = contact(world.region, days_old)
    note = interest(world.region, world.coach, days_old)
    apply_retention()
    for model, row in ((ContactMessage, message), (InterestNote, note)):
        found = model.objects.filter(pk=row.pk).first()
        assert (found is not None) is kept
        if found is not None:
            assert (found.ip_address is not None) is address_kept


def test_each_region_sets_its_own_period(world):
    world.region.message_retention_days = 90
    world.region.save()
    ours, theirs = contact(world.region, 100), contact(world.other_region, 100)
    apply_retention()
    assert not ContactMessage.objects.filter(pk=ours.pk).exists()
    assert ContactMessage.objects.filter(pk=theirs.pk).exists()
    entry = AuditEntry.objects.get(action="site.retention.applied")
    assert entry.region == world.region and entry.data["deleted"]["contact_messages"] == 1


def test_retention_is_idempotent_and_the_command_says_what_it_did(world):
    contact(world.region, 400)
    interest(world.region, make_person(world.region, "Pia", "Prospect"), 40)
    out = io.StringIO()
    call_command("apply-retention", stdout=out)
    assert out.getvalue().strip() == "1 contact messages and 0 interest notes deleted, 1 client addresses cleared"
    assert apply_retention() == {"contact_messages": 0, "interest_notes": 0, "client_addresses": 0}
    assert AuditEntry.objects.filter(action="site.retention.applied").count() == 1
