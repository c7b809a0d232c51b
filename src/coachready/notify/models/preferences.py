"""A volunteer's choice of how much optional email they get."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Send each email as it happens")
        WEEKLY = "weekly", _("Collect them into one weekly summary")
        NONE = "none", _("Send none")

    person = models.OneToOneField("org.Person", on_delete=models.CASCADE, related_name="notification_preference")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.person}: {self.get_frequency_display()}"
