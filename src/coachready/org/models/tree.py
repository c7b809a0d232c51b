"""The organisation tree: National office → Section → Area → Region.

The National office is the root and exists once, so it has no table: a role
held "nationally" is a role assignment with no section, area or region.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Section(models.Model):
    number = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["number"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return (gettext("Section %(number)s %(name)s") % {"number": self.number, "name": self.name}).strip()


class Area(models.Model):
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="areas")
    # Areas are lettered inside their section ("1C"), so the code is unique
    # only together with the section.
    code = models.CharField(max_length=8)
    name = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["section__number", "code"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        constraints = [
            models.UniqueConstraint(fields=["section", "code"], name="area_code_unique_in_section")
        ]

    def __str__(self) -> str:
        return gettext("Area %(code)s") % {"code": f"{self.section.number}{self.code}"}


class Region(models.Model):
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="regions")
    number = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    postal_address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    # The rules profile the region follows (coachready.rules.policies) and the
    # region administrators' own overrides of it, where DOMAIN.md says
    # regions differ (validity periods, reminder days...).
    policy_name = models.CharField(max_length=40, default="region-60")
    policy_overrides = models.JSONField(default=dict, blank=True)
    # How long contact and volunteer-interest messages are kept before
    # `apply-retention` deletes them (the privacy statement promises a limit).
    message_retention_days = models.PositiveIntegerField(
        _("keep contact and interest messages for (days)"), default=365,
        validators=[MinValueValidator(30), MaxValueValidator(3650)],
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return gettext("Region %(number)s %(name)s") % {"number": self.number, "name": self.name}

    @property
    def display_name(self) -> str:
        return f"AYSO Region {self.number} {self.name}"

    def policy(self):  # -> coachready.rules.Policy
        """The region's rules: its profile with its overrides applied."""
        from coachready.rules import load_policy

        return load_policy(self.policy_name, self.policy_overrides or None)
