"""School Yard season plans: the dates come from the rules engine's
`plan_season`; only the coach's choices and the session marks are stored."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

MAX_SESSIONS = 30


class SeasonPlan(models.Model):
    # A plan belongs to a School Yard team, or to the coach alone when the
    # region has not formed teams yet; the owner may always edit it.
    team = models.ForeignKey(
        "teams.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="schoolyard_plans"
    )
    owner = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="schoolyard_plans")
    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=80)
    start = models.DateField("first session")
    sessions = models.PositiveIntegerField(
        "number of sessions", validators=[MinValueValidator(1), MaxValueValidator(MAX_SESSIONS)]
    )
    # When and where the sessions are, when the coach says: the calendar
    # file then carries real times and a place instead of all-day events.
    start_time = models.TimeField("starts at", null=True, blank=True)
    end_time = models.TimeField("ends at", null=True, blank=True)
    place = models.CharField("where", max_length=200, blank=True)
    # ISO dates with no session (holidays, picture day).
    skip = models.JSONField(default=list, blank=True)
    # Curriculum weeks to run again, in the order they were asked for.
    repeat = models.JSONField(default=list, blank=True)
    archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sessions__gte=1) & Q(sessions__lte=MAX_SESSIONS), name="plan_sessions_in_range"
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True, end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__isnull=False, end_time__gt=models.F("start_time")),
                name="plan_times_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PlanSession(models.Model):
    """The coach's mark on one session of a plan, by its number."""

    plan = models.ForeignKey(SeasonPlan, on_delete=models.CASCADE, related_name="marks")
    number = models.PositiveIntegerField()
    done = models.BooleanField(default=False)
    note = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan_id", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_session_once")]

    def __str__(self) -> str:
        return f"{self.plan} #{self.number}"
