"""Writing to and sending from the outbox (see models/outbox.py).

Senders claim rows with a conditional UPDATE (a token and a lease time), so
the task worker, the `send-queued-mail` command and an administrator's
"retry" can run at once without sending one row twice. A send that raises
is recorded on the row with a back-off; it is retried, never dropped.
"""

from __future__ import annotations

import base64
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from coachready.notify.models import NotificationPreference, OutboundEmail
from coachready.notify.models.outbox import CLAIM_SECONDS, MAX_ATTEMPTS, backoff

log = logging.getLogger(__name__)
Status = OutboundEmail.Status
Frequency = NotificationPreference.Frequency


def status_for(kind: str, frequency: str | None) -> str:
    """The first status of a new row: mandatory mail always goes out;
    optional mail follows the volunteer's chosen frequency."""
    if kind != OutboundEmail.Kind.OPTIONAL or frequency in (None, Frequency.IMMEDIATE):
        return Status.QUEUED
    return Status.HELD if frequency == Frequency.WEEKLY else Status.SUPPRESSED


def frequency_of(person_id: int | None, to: Sequence[str]) -> str | None:
    """The recipient's chosen frequency, found by person or by email address."""
    from coachready.org.models import Person

    qs = NotificationPreference.objects.all()
    if person_id is not None:
        qs = qs.filter(person_id=person_id)
    elif to:
        person_ids = Person.objects.filter(email__iexact=to[0]).values("pk")[:1]
        qs = qs.filter(person_id__in=person_ids)
    else:
        return None
    return qs.values_list("frequency", flat=True).first()


def encode_attachments(attachments: Iterable[tuple[str, bytes | str, str]]) -> list[list[str]]:
    out = []
    for name, content, mimetype in attachments:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        out.append([name, base64.b64encode(raw).decode("ascii"), mimetype])
    return out


def new_email(
    to: Sequence[str], subject: str, text: str, html: str, *, reply_to: Sequence[str] = (),
    attachments: Iterable[tuple[str, bytes | str, str]] = (), template: str = "",
    kind: str = OutboundEmail.Kind.MANDATORY, region=None, person_id: int | None = None,  # noqa: ANN001
    status: str = Status.QUEUED,
) -> OutboundEmail:
    """An unsaved outbox row (bulk writers save many at once)."""
    return OutboundEmail(
        to=list(to), subject=subject[:255], text=text, html=html, reply_to=list(reply_to),
        attachments=encode_attachments(attachments), template=template, kind=kind, status=status,
        region=region, person_id=person_id, next_attempt_at=timezone.now(),
    )


def queue_email(
    to: Sequence[str], subject: str, text: str, html: str, *, kind: str = OutboundEmail.Kind.MANDATORY,
    person_id: int | None = None, **fields,
) -> OutboundEmail:
    """Store one email in the outbox; its status says whether it goes out now."""
    frequency = frequency_of(person_id, to) if kind == OutboundEmail.Kind.OPTIONAL else None
    email = new_email(
        to, subject, text, html, kind=kind, person_id=person_id, status=status_for(kind, frequency), **fields
    )
    email.save()
    return email


@dataclass(frozen=True)
class SendResult:
    sent: int = 0
    failed: int = 0

    def __add__(self, other: SendResult) -> SendResult:
        return SendResult(self.sent + other.sent, self.failed + other.failed)


def _claim(ids: list[int], now: datetime) -> list[OutboundEmail]:
    """Take the rows among `ids` that are still due, for this sender only."""
    token = uuid.uuid4()
    OutboundEmail.objects.filter(OutboundEmail.due_filter(now), pk__in=ids).update(
        claimed_by=token, claimed_until=now + timedelta(seconds=CLAIM_SECONDS)
    )
    return list(OutboundEmail.objects.filter(claimed_by=token).order_by("pk"))


def _message(email: OutboundEmail):
    from coachready.core.mail import build_message

    return build_message(
        email.to, email.subject, email.text, email.html, reply_to=email.reply_to,
        attachments=[(name, base64.b64decode(content), mimetype) for name, content, mimetype in email.attachments],
    )


def _send_claimed(emails: list[OutboundEmail], now: datetime) -> SendResult:
    sent_ids: list[int] = []
    failures: list[tuple[OutboundEmail, str]] = []
    for email in emails:
        try:
            _message(email).send()
        except Exception as exc:  # noqa: BLE001 - any failure is recorded and retried
            log.warning("Email %s to %s failed: %s", email.pk, email.to, exc)
            failures.append((email, f"{type(exc).__name__}: {exc}"[:2000]))
        else:
            sent_ids.append(email.pk)
    if sent_ids:
        OutboundEmail.objects.filter(pk__in=sent_ids).update(
            status=Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error="",
            next_attempt_at=None, claimed_by=None, claimed_until=None,
        )
    for email, error in failures:
        attempts = email.attempts + 1
        gave_up = attempts >= MAX_ATTEMPTS
        OutboundEmail.objects.filter(pk=email.pk).update(
            status=Status.GAVE_UP if gave_up else Status.FAILED, attempts=attempts, last_error=error,
            next_attempt_at=None if gave_up else now + backoff(attempts), claimed_by=None, claimed_until=None,
        )
    return SendResult(len(sent_ids), len(failures))


def deliver(email_id: int, *, now: datetime | None = None) -> SendResult:
    """Send one row if it is still due (the task the outbox enqueues)."""
    now = now or timezone.now()
    return _send_claimed(_claim([email_id], now), now)


def send_due(*, now: datetime | None = None, batch: int = 200, limit: int | None = None) -> SendResult:
    """Send every due row, oldest first, in claimed batches (the command and
    the bulk senders call this). Returns how many went out and how many failed."""
    now = now or timezone.now()
    total = SendResult()
    # Sent rows stop being due and failed ones move into the future, so each
    # pass sees new rows and the loop ends.
    while limit is None or total.sent + total.failed < limit:
        size = batch if limit is None else min(batch, limit - total.sent - total.failed)
        ids = list(
            OutboundEmail.objects.filter(OutboundEmail.due_filter(now))
            .order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:size]
        )
        if not ids:
            break
        total += _send_claimed(_claim(ids, now), now)
    return total


@transaction.atomic
def retry_now(email: OutboundEmail, *, user=None) -> OutboundEmail:  # noqa: ANN001
    """An administrator asks for a failed email to be tried again at once."""
    from coachready.org.audit import log_action

    if email.status not in (Status.FAILED, Status.GAVE_UP):
        raise ValueError(gettext("Only a failed email can be retried."))
    old = email.status
    email.status = Status.QUEUED
    email.next_attempt_at = timezone.now()
    email.claimed_by = email.claimed_until = None
    if old == Status.GAVE_UP:
        email.attempts = 0
    email.save(update_fields=["status", "next_attempt_at", "claimed_by", "claimed_until", "attempts"])
    log_action(
        "notify.mail.retried", user=user, obj=email, region=email.region_id,
        summary=f"Retry of “{email.subject}” to {', '.join(email.to)}", data={"status": [old, email.status]},
    )
    return email
