"""Role assignments: who does what, where, and for how long."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    REGIONAL_COMMISSIONER = "regional_commissioner", _("Regional Commissioner")
    REGIONAL_COACH_ADMINISTRATOR = "regional_coach_administrator", _("Regional Coach Administrator")
    SAFETY_ADVOCATE = "child_volunteer_protection_advocate", _("Child and Volunteer Protection Advocate")
    AREA_COACH_ADMINISTRATOR = "area_coach_administrator", _("Area Coach Administrator")
    SECTION_COACH_ADMINISTRATOR = "section_coach_administrator", _("Section Coach Administrator")
    NATIONAL_COACH = "national_coach", _("National Coach")
    COACH = "coach", _("Coach")
    ASSISTANT_COACH = "assistant_coach", _("Assistant Coach")
    REFEREE = "referee", _("Referee")
    INSTRUCTOR = "instructor", _("Instructor")


# Roles that administer volunteers of the unit they are held at and below.
ADMIN_ROLES = frozenset(
    {
        Role.REGIONAL_COMMISSIONER,
        Role.REGIONAL_COACH_ADMINISTRATOR,
        Role.SAFETY_ADVOCATE,
        Role.AREA_COACH_ADMINISTRATOR,
        Role.SECTION_COACH_ADMINISTRATOR,
        Role.NATIONAL_COACH,
    }
)
COACHING_ROLES = frozenset({Role.COACH, Role.ASSISTANT_COACH})


class RoleAssignmentQuerySet(models.QuerySet):
    def active_on(self, day: date) -> RoleAssignmentQuerySet:
        return self.filter(Q(start_on__lte=day), Q(end_on__isnull=True) | Q(end_on__gte=day))


class RoleAssignment(models.Model):
    """A role held by a person at one org unit (or nationally) between two dates.

    Exactly one of region, area and section is set, or none for the National
    office. `end_on` is the last day the role is held; open-ended when empty.
    """

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    region = models.ForeignKey("org.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("org.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    section = models.ForeignKey("org.Section", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # Some roles are per division (a division coordinator); empty otherwise.
    division = models.CharField(max_length=12, blank=True)
    start_on = models.DateField(_("starts on"))
    end_on = models.DateField(_("ends on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["person_id", "role", "start_on"]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(region__isnull=True, area__isnull=True)
                    | Q(region__isnull=True, section__isnull=True)
                    | Q(area__isnull=True, section__isnull=True)
                ),
                name="role_scope_at_most_one_unit",
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=models.F("start_on")),
                name="role_end_not_before_start",
            ),
        ]
        indexes = [models.Index(fields=["role", "region"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.scope_label}"

    @property
    def scope_label(self) -> str:
        if self.region_id:
            return str(self.region)
        if self.area_id:
            return str(self.area)
        if self.section_id:
            return str(self.section)
        return gettext("National office")

    def is_active_on(self, day: date) -> bool:
        return self.start_on <= day and (self.end_on is None or self.end_on >= day)
