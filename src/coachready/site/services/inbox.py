"""Receiving what visitors send: contact messages and volunteer interest.

Each is stored first, in one transaction with its audit entry and its
emails' outbox rows (see `delivery`); the worker sends them after the
commit, so a failing mail server can delay an email but never lose a message.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from coachready.org.audit import log_action
from coachready.org.language import is_language
from coachready.org.models import Person, Region
from coachready.site.models import ContactMessage, InterestNote
from coachready.site.services.delivery import queue_emails

log = logging.getLogger(__name__)

# At most this many submissions per address (email or network) to one region
# per window, counted from the stored rows so every web worker sees the same
# count; writing to one region does not use up another's allowance.
RATE_LIMIT = 3
RATE_WINDOW = timedelta(minutes=10)


def is_rate_limited(
    kind: type[ContactMessage] | type[InterestNote], region: Region | None, email: str, ip: str | None
) -> bool:
    """Has this email address or network address sent RATE_LIMIT items to the region in the window?"""
    since = timezone.now() - RATE_WINDOW
    email_field = "email__iexact" if kind is ContactMessage else "person__email__iexact"
    match = Q(**{email_field: email})
    if ip:
        match |= Q(ip_address=ip)
    return kind.objects.filter(region=region, created_at__gte=since).filter(match).count() >= RATE_LIMIT


def _queue_emails_safely(item: ContactMessage | InterestNote) -> None:
    # The item must survive whatever happens to its emails (a template or
    # database error while writing them): they get a savepoint of their own.
    try:
        with transaction.atomic():
            queue_emails(item)
    except Exception:
        log.exception("Could not queue the emails of %s %s", type(item).__name__, item.pk)


def receive_contact_message(
    region: Region, *, name: str, email: str, topic: str, message: str, ip: str | None = None
) -> ContactMessage:
    """Store a contact message for the region's inbox, then queue its emails."""
    with transaction.atomic():
        item = ContactMessage.objects.create(
            region=region, name=name, email=email, topic=topic, message=message, ip_address=ip,
        )
        log_action(
            "site.contact.received", obj=item, region=region,
            summary=f"Message from {name}: {item.get_topic_display()}", data={"topic": topic},
        )
        _queue_emails_safely(item)
    return item


def receive_interest(
    region: Region,
    *,
    first_name: str,
    last_name: str,
    email: str,
    phone: str = "",
    division: str = "",
    message: str = "",
    ip: str | None = None,
) -> InterestNote:
    """Record a prospective coach: a pending volunteer (Person with status
    prospect) in the region, or the region's existing record with that email,
    so one person writing twice does not become two volunteers. A new record
    reads the language the form was written in: the region's answers reach
    them in it."""
    with transaction.atomic():
        person = Person.objects.filter(home_region=region, email__iexact=email).order_by("id").first()
        created = person is None
        if created:
            person = Person.objects.create(
                first_name=first_name, last_name=last_name, email=email, phone=phone,
                home_region=region, status=Person.Status.PROSPECT, language=language_of_page(),
            )
        note = InterestNote.objects.create(
            region=region, person=person, division=division, message=message, ip_address=ip,
        )
        log_action(
            "site.interest.received", obj=note, region=region,
            summary=f"{person.display_name} would like to coach{f' {division}' if division else ''}",
            data={"person": person.pk, "new_person": created, "division": division},
        )
        _queue_emails_safely(note)
    return note


def language_of_page() -> str:
    """The active language when it is one of the product's, else none chosen."""
    active = translation.get_language()
    return active if is_language(active) else ""


@transaction.atomic
def mark_handled(item: ContactMessage | InterestNote, *, user: Any) -> ContactMessage | InterestNote:
    """Close an inbox item; it stays in the inbox under "handled"."""
    if item.handled_at is not None:
        return item
    item.handled_at = timezone.now()
    item.handled_by = user
    item.save(update_fields=["handled_at", "handled_by"])
    kind = "contact" if isinstance(item, ContactMessage) else "interest"
    log_action(f"site.{kind}.handled", user=user, obj=item, region=item.region_id, summary=f"Handled: {item}")
    return item
