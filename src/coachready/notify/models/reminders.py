"""What has been sent, so that every periodic run is idempotent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """One reminder point reached for one record of one person.

    The unique key is the claim: a run inserts these rows first (ignoring
    conflicts) and sends only what it inserted itself, so a second run, a run
    after a crash, or a concurrent run never sends the same reminder twice.
    """

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="+")
    requirement = models.CharField(max_length=40)
    valid_until = models.DateField()
    # Days before the lapse day (0 = the day it lapses).
    point = models.PositiveSmallIntegerField()
    run = models.UUIDField()
    as_of = models.DateField()
    email = models.ForeignKey(
        "notify.OutboundEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "requirement", "valid_until", "point"], name="reminder_once_per_point"
            )
        ]
        indexes = [models.Index(fields=["run"])]

    def __str__(self) -> str:
        return f"{self.person_id} {self.requirement} {self.valid_until} −{self.point}d"


class DigestRun(models.Model):
    """One weekly digest of one region (or one volunteer's weekly summary),
    claimed by its ISO week so the week's digest goes out once."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region administrators' digest")
        SUMMARY = "summary", _("Volunteer's weekly summary")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    region = models.ForeignKey("org.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    iso_year = models.PositiveSmallIntegerField()
    iso_week = models.PositiveSmallIntegerField()
    run = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-iso_year", "-iso_week", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "iso_year", "iso_week"], condition=models.Q(kind="region"),
                name="digest_once_per_region_week",
            ),
            models.UniqueConstraint(
                fields=["person", "iso_year", "iso_week"], condition=models.Q(kind="summary"),
                name="summary_once_per_person_week",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.iso_year}-W{self.iso_week:02d}"


class ReminderRun(models.Model):
    """One run of the renewal reminders (scheduled, or sent now from the
    region's page), so the region sees when reminders last went out even on
    a day when nothing was due."""

    run = models.UUIDField(unique=True)
    as_of = models.DateField()
    # The region the run covered; empty for a run over every region.
    region = models.ForeignKey("org.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    people = models.PositiveIntegerField()
    reminders = models.PositiveIntegerField()
    emails = models.PositiveIntegerField()
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-finished_at", "-id"]
        indexes = [models.Index(fields=["region", "finished_at"])]

    def __str__(self) -> str:
        return f"reminders {self.as_of}: {self.emails} emails"
