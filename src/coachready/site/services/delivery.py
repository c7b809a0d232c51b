"""Emails for inbox items, with back-off and retry.

The region's notice and the sender's acknowledgement are sent here rather
than through the shared queue-and-forget helper, because an inbox item must
know whether its emails really left: each half is marked sent only after
the mail backend accepted it, and a failure schedules the next attempt
(5 minutes, doubling, at most 12 hours apart). `retry-contact-mail` sends
what is due; the inbox shows what is still owed.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coachready.core.mail import build_message, render_email
from coachready.org.models import Role, RoleAssignment
from coachready.site.models import ContactMessage, InterestNote

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
KINDS: dict[str, type[ContactMessage] | type[InterestNote]] = {"contact": ContactMessage, "interest": InterestNote}


def backoff(attempts: int) -> timedelta:
    """Wait before attempt number `attempts + 1`."""
    return min(timedelta(minutes=5) * 2 ** max(attempts - 1, 0), timedelta(hours=12))


def _rca_emails(region) -> list[str]:  # noqa: ANN001 - org.Region
    return sorted(
        set(
            RoleAssignment.objects.active_on(timezone.localdate())
            .filter(region=region, role=Role.REGIONAL_COACH_ADMINISTRATOR)
            .exclude(person__email="")
            .values_list("person__email", flat=True)
        )
    )


def notice_recipients(item: ContactMessage | InterestNote) -> list[str]:
    """Contact messages go to the region's contact address, interest to its
    coach administrators; each falls back on the other."""
    region = item.region
    if isinstance(item, ContactMessage):
        return [region.email] if region.email else _rca_emails(region)
    return _rca_emails(region) or ([region.email] if region.email else [])


def _send(to: list[str], subject: str, template: str, context: dict, region, reply_to=()) -> None:  # noqa: ANN001
    text, html = render_email(template, {"region": region, **context})
    build_message(to, subject, text, html, reply_to=list(reply_to)).send()


def _notice(item: ContactMessage | InterestNote) -> None:
    to = notice_recipients(item)
    if not to:
        raise RuntimeError("The region has no contact address and no coach administrator with an email.")
    region = item.region
    if isinstance(item, ContactMessage):
        url = reverse("site:inbox_message", args=[region.number, item.pk])
        _send(to, f"Website message: {item.get_topic_display()} from {item.name}", "site/email/contact_notice",
              {"item": item, "inbox_url": url}, region, reply_to=[item.email])
    else:
        url = reverse("site:inbox_interest", args=[region.number, item.pk])
        _send(to, f"New volunteer coach interest: {item.person.display_name}", "site/email/interest_notice",
              {"item": item, "person": item.person, "inbox_url": url}, region, reply_to=[item.person.email])


def _acknowledge(item: ContactMessage | InterestNote) -> None:
    region = item.region
    if isinstance(item, ContactMessage):
        _send([item.email], f"We received your message — {region.display_name}", "site/email/contact_ack",
              {"item": item}, region, reply_to=[region.email] if region.email else [])
    else:
        _send([item.person.email], f"Thank you for volunteering — {region.display_name}", "site/email/interest_ack",
              {"item": item, "person": item.person}, region, reply_to=[region.email] if region.email else [])


def deliver(item: ContactMessage | InterestNote) -> bool:
    """Send whatever is still owed for `item` and record the outcome.
    Returns True when both emails have gone out. Never raises."""
    now = timezone.now()
    item.send_attempts += 1
    try:
        if item.email_sent_at is None:
            _notice(item)
            item.email_sent_at = now
        if item.acknowledged_at is None:
            _acknowledge(item)
            item.acknowledged_at = now
    except Exception as exc:  # any mail failure: keep the item, try later
        log.warning("Inbox item %s/%s not emailed: %s", type(item).__name__, item.pk, exc)
        item.last_error = f"{type(exc).__name__}: {exc}"[:300]
        item.next_attempt_at = now + backoff(item.send_attempts)
    else:
        item.last_error = ""
        item.next_attempt_at = None
    item.save(update_fields=["email_sent_at", "acknowledged_at", "send_attempts", "last_error", "next_attempt_at"])
    return item.delivered


def schedule_delivery(kind: str, pk: int) -> None:
    """Hand delivery to the task queue; if even that fails the item keeps
    its due time and the retry command picks it up."""
    from coachready.site.tasks import deliver_inbox_item

    try:
        deliver_inbox_item.enqueue(kind=kind, pk=pk)
    except Exception as exc:
        log.warning("Could not queue delivery of %s %s: %s", kind, pk, exc)


def due(now=None, *, force: bool = False):  # noqa: ANN001
    """Undelivered items whose next attempt is due, oldest first."""
    now = now or timezone.now()
    for kind, model in KINDS.items():
        qs = model.undelivered().select_related("region")
        if not force:
            qs = qs.filter(
                Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now), send_attempts__lt=MAX_ATTEMPTS
            )
        for item in qs.order_by("created_at", "id"):
            yield kind, item


def retry_due(*, force: bool = False) -> tuple[int, int]:
    """Deliver every due item; (delivered, still failing)."""
    delivered = failing = 0
    for _kind, item in list(due(force=force)):
        if deliver(item):
            delivered += 1
        else:
            failing += 1
    return delivered, failing
