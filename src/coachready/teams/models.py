"""Seasons, teams and the coaches assigned to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Season(models.Model):
    class Term(models.TextChoices):
        FALL = "fall", _("Fall")
        SPRING = "spring", _("Spring")

    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="seasons")
    # Membership year, named for the year it starts (MY2026 = 2026-08-01..2027-07-31).
    membership_year = models.PositiveIntegerField()
    term = models.CharField(max_length=8, choices=Term.choices, default=Term.FALL)
    starts_on = models.DateField()
    # The default target date of a coach's path to ready.
    first_game_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["-membership_year", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["region", "membership_year", "term"], name="season_unique_per_region"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="season_ends_after_start"),
        ]

    def __str__(self) -> str:
        # AYSO names a membership year "MY2026" in every language; the term
        # is the reader's word for it.
        return gettext("MY%(year)s %(term)s") % {"year": self.membership_year, "term": self.get_term_display()}


class Team(models.Model):
    season = models.ForeignKey(Season, on_delete=models.PROTECT, related_name="teams")
    # A division code from the region's policy: schoolyard, 6U ... 19U.
    division = models.CharField(max_length=12)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["season_id", "division", "name"]
        constraints = [models.UniqueConstraint(fields=["season", "name"], name="team_name_unique_in_season")]
        indexes = [models.Index(fields=["season", "division"])]

    def __str__(self) -> str:
        # "10U Blue Hawks", never "10U 10U Blue Hawks": most teams' names
        # already start with their division.
        from coachready.teams.labels import team_label

        return team_label(self)


class CoachAssignment(models.Model):
    """A person coaching a team. Refused when the person is not eligible,
    unless an administrator overrides with a written reason."""

    class Role(models.TextChoices):
        HEAD_COACH = "head_coach", _("Head coach")
        ASSISTANT_COACH = "assistant_coach", _("Assistant coach")

    class Status(models.TextChoices):
        # Pending: proposed for the team, waiting on certification; reminders
        # go to pending coaches too.
        PENDING = "pending", _("Pending")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="assignments")
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="coach_assignments")
    role = models.CharField(max_length=16, choices=Role.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    override_reason = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["team_id", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team"], condition=Q(role="head_coach", status="active"), name="one_active_head_coach_per_team"
            ),
            models.UniqueConstraint(
                fields=["team", "person"], condition=~Q(status="ended"), name="person_once_per_team"
            ),
        ]
        indexes = [models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return gettext("%(person)s — %(role)s of %(team)s") % {
            "person": self.person, "role": self.get_role_display(), "team": self.team}
