"""The outbox: every email the product sends is a row here first.

A row is written in the same transaction as whatever caused the email, then
a task (or the `send-queued-mail` command, for the scheduler) sends it. A
failed send stays in the table with its error and a time for the next
attempt, so nothing is lost when the mail server is down, and the region's
administrators can see what did not go out.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Minutes to wait after the 1st, 2nd, 3rd... failed attempt; the last value
# repeats until MAX_ATTEMPTS, after which the row waits for an administrator.
BACKOFF_MINUTES = (1, 5, 30, 120)
MAX_ATTEMPTS = 12
# How long one sender may hold a row it claimed before another may take it
# over (a worker killed mid-send must not strand the row for ever).
CLAIM_SECONDS = 600


def backoff(attempts: int) -> timedelta:
    """The wait after `attempts` failed attempts (1-based)."""
    index = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return timedelta(minutes=BACKOFF_MINUTES[index])


class OutboundEmail(models.Model):
    class Kind(models.TextChoices):
        MANDATORY = "mandatory", _("Mandatory")
        OPTIONAL = "optional", _("Optional")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, will retry")
        # Failed MAX_ATTEMPTS times: waits for an administrator to retry.
        GAVE_UP = "gave_up", _("Failed, gave up")
        # Optional mail held for the volunteer's weekly summary.
        HELD = "held", _("Held for the weekly summary")
        BUNDLED = "bundled", _("Sent in a weekly summary")
        # Optional mail to a volunteer who asked for none.
        SUPPRESSED = "suppressed", _("Not sent (volunteer's choice)")

    to = models.JSONField(default=list)
    subject = models.CharField(max_length=255)
    text = models.TextField()
    html = models.TextField()
    reply_to = models.JSONField(default=list, blank=True)
    # [[name, base64 content, mimetype], ...]
    attachments = models.JSONField(default=list, blank=True)
    template = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MANDATORY)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # The region the email speaks for: its administrators see its failures.
    region = models.ForeignKey("org.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    claimed_by = models.UUIDField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["region", "status", "-created_at"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)} ({self.status})"

    @classmethod
    def due_filter(cls, now) -> Q:  # noqa: ANN001
        """Rows a sender should try now: queued or failed, their time come,
        and not held by another sender."""
        return (
            Q(status__in=[cls.Status.QUEUED, cls.Status.FAILED])
            & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            & (Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        )
