"""What visitors send the region: contact messages and volunteer interest.

Both are stored before any email goes out, and keep their delivery state,
so a mail server that is down loses nothing: their emails wait in the
outbox, which retries them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """Email delivery state of an inbox item.

    The region's notice and the sender's acknowledgement are outbox rows
    (coachready.notify), written in the same transaction as the item and
    sent, retried and claimed by the one outbox engine; the item only points
    at them, so the inbox can say what has gone out.
    """

    notice_email = models.ForeignKey(
        "notify.OutboundEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ack_email = models.ForeignKey(
        "notify.OutboundEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def notice_sent(self) -> bool:
        return self.notice_email is not None and self.notice_email.status == "sent"

    @property
    def delivered(self) -> bool:
        return self.notice_sent and self.ack_email is not None and self.ack_email.status == "sent"


class ContactMessage(Delivery):
    class Topic(models.TextChoices):
        GENERAL = "general", _("General question")
        COACHING = "coaching", _("Coaching and certification")
        TRAINING = "training", _("Training classes and coach clinics")
        REGISTRATION = "registration", _("Player registration")
        SAFETY = "safety", _("Safety or child protection")
        WEBSITE = "website", _("This website")

    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="contact_messages")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"))
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, default=Topic.GENERAL)
    message = models.TextField(_("message"), max_length=5000)
    # Kept for the rate limit only (per address and per network address).
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["region", "-created_at"])]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>: {self.get_topic_display()}"


class InterestNote(Delivery):
    """A prospective coach's answer to "We are now recruiting volunteer
    coaches": the pending volunteer record (an org.Person with status
    prospect) plus what they told us, for the RCA to follow up."""

    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="interest_notes")
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="interest_notes")
    division = models.CharField(_("division wanted"), max_length=12, blank=True)
    message = models.TextField(_("message"), max_length=3000, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["region", "-created_at"])]
        verbose_name = _("volunteer interest")
        verbose_name_plural = _("volunteer interest")

    def __str__(self) -> str:
        if self.division:
            return f"{self.person.display_name} ({self.division})"
        return _("%(name)s (any division)") % {"name": self.person.display_name}
