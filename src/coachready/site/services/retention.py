"""How long what visitors send is kept.

Contact and volunteer-interest messages are deleted once older than their
region's `message_retention_days` (365 unless the region sets otherwise);
the network address stored with each (for the rate limit only) is cleared
after CLIENT_ADDRESS_DAYS. Idempotent: a second run finds nothing to do.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from coachready.org.audit import log_action
from coachready.org.models import Region
from coachready.site.models import ContactMessage, InterestNote

# The rate limit looks back hours, not weeks; a month covers any abuse
# report that needs the address.
CLIENT_ADDRESS_DAYS = 30


def apply_retention(*, now: datetime | None = None) -> dict[str, int]:
    """Delete expired messages and clear old client addresses; returns counts."""
    now = now or timezone.now()
    counts = {"contact_messages": 0, "interest_notes": 0, "client_addresses": 0}
    address_cutoff = now - timedelta(days=CLIENT_ADDRESS_DAYS)
    with transaction.atomic():
        for region in Region.objects.only("pk", "message_retention_days"):
            cutoff = now - timedelta(days=region.message_retention_days)
            expired = {
                "contact_messages": ContactMessage.objects.filter(region=region, created_at__lt=cutoff),
                "interest_notes": InterestNote.objects.filter(region=region, created_at__lt=cutoff),
            }
            deleted = {name: qs.delete()[0] for name, qs in expired.items()}
            if any(deleted.values()):
                log_action("site.retention.applied", region=region,
                           data={"deleted": deleted, "older_than_days": region.message_retention_days})
            for name, n in deleted.items():
                counts[name] += n
        for model in (ContactMessage, InterestNote):
            counts["client_addresses"] += model.objects.filter(
                created_at__lt=address_cutoff, ip_address__isnull=False
            ).update(ip_address=None)
    return counts


def set_message_retention(region: Region, days: int, *, user=None) -> Region:  # noqa: ANN001
    """Change how long the region keeps contact and interest messages."""
    before = region.message_retention_days
    with transaction.atomic():
        Region.objects.filter(pk=region.pk).update(message_retention_days=days)
        region.message_retention_days = days
        log_action("org.region.retention_changed", user=user, obj=region, region=region,
                   data={"message_retention_days": [before, days]})
    return region
