"""Practice heading logs.

Children's data is kept to the minimum (DESIGN.md): a player is a team-local
id ("p-17") and a display name the coach chooses, nothing else.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Player(models.Model):
    team = models.ForeignKey("teams.Team", on_delete=models.PROTECT, related_name="heading_players")
    # The id the heading rules and reports use; unique within the team only.
    local_id = models.CharField(
        _("player id"),
        max_length=12,
        validators=[RegexValidator(r"^p-[0-9]{1,6}$", _("Use the form p-17."))],
    )
    display_name = models.CharField(max_length=40)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["team_id", "display_name", "id"]
        constraints = [models.UniqueConstraint(fields=["team", "local_id"], name="player_id_unique_in_team")]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.local_id})"


class Practice(models.Model):
    """One practice's heading: minutes for the team, headers per player."""

    team = models.ForeignKey("teams.Team", on_delete=models.PROTECT, related_name="heading_practices")
    date = models.DateField()
    heading_minutes = models.PositiveIntegerField(validators=[MinValueValidator(0)])
    note = models.CharField(max_length=300, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The id the field kit made on the coach's phone for an entry logged
    # offline: a resend of the same entry finds this row instead of adding one.
    client_id = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["team_id", "date", "id"]
        indexes = [models.Index(fields=["team", "date"]), models.Index(fields=["date"])]
        constraints = [
            models.CheckConstraint(condition=Q(heading_minutes__gte=0), name="practice_minutes_not_negative"),
            models.UniqueConstraint(fields=["logged_by", "client_id"], condition=Q(client_id__isnull=False),
                                    name="practice_client_id_once_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.team} practice {self.date}"


class PlayerHeaders(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="headers")
    player = models.ForeignKey(Player, on_delete=models.PROTECT, related_name="+")
    headers = models.PositiveIntegerField(validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["practice_id", "player_id"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "player"], name="headers_once_per_player_practice"),
            models.CheckConstraint(condition=Q(headers__gte=0), name="headers_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.player}: {self.headers}"
