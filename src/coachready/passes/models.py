"""Signing keys, the passes issued with them, and revocations.

An issued pass is remembered by id (with whom it was for, what it cleared and
until when) so that a later write can revoke it; the pass text itself is not
stored: Ed25519 is deterministic, so it is signed again when shown.
A revocation names only the pass id, a date and a reason code: it is
published, and outlives the person's erasure.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SigningKey(models.Model):
    """A region's Ed25519 key. The private key is kept encrypted with a key
    derived from the server's SECRET_KEY (see passes.keys)."""

    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+")
    key_id = models.CharField(max_length=24, unique=True)
    public_key = models.CharField(max_length=64)  # raw key, base64url
    private_key_encrypted = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["region_id", "created_at", "pk"]
        constraints = [
            # One key signs a region's new passes at a time.
            models.UniqueConstraint(fields=["region"], condition=Q(retired_at__isnull=True),
                                    name="passes_one_current_key_per_region"),
        ]

    def __str__(self) -> str:
        return self.key_id


class IssuedPass(models.Model):
    pass_id = models.CharField(max_length=16, unique=True)
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="coach_passes")
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="passes")
    cleared = models.JSONField()  # [[role, division], ...]
    issued_on = models.DateField()
    valid_through = models.DateField()
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_note = models.TextField(blank=True)  # the administrator's words: never published

    class Meta:
        ordering = ["-issued_at", "-pk"]
        indexes = [models.Index(fields=["person", "revoked_at"])]

    def __str__(self) -> str:
        return self.pass_id


class Revocation(models.Model):
    class Reason(models.TextChoices):
        BACKGROUND_CHECK = "background_check", _("Background check no longer allows coaching")
        ROLE_ENDED = "role_ended", _("Coaching role ended")
        RECORD_WITHDRAWN = "record_withdrawn", _("A certificate it rested on was withdrawn")
        NO_LONGER_CLEARED = "no_longer_cleared", _("No longer cleared")
        REVOKED_BY_REGION = "revoked_by_region", _("Revoked by the region")

    pass_id = models.CharField(max_length=16, unique=True)
    revoked_on = models.DateField()
    reason = models.CharField(max_length=24, choices=Reason.choices)
    # Listed while the pass could otherwise still be valid; afterwards it
    # has expired anyway and drops off the public list.
    valid_through = models.DateField()

    class Meta:
        ordering = ["revoked_on", "pass_id"]

    def __str__(self) -> str:
        return f"{self.pass_id} ({self.reason})"
