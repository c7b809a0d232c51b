"""Volunteers and their sign-in accounts."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower


class User(AbstractUser):
    """A sign-in account. People sign in by email; the username is internal."""

    email = models.EmailField("email address", unique=True)

    class Meta:
        db_table = "org_user"

    @property
    def person_or_none(self) -> Person | None:
        # With the home region in the same query: nearly every signed-in
        # page shows it (the header) or reads its policy. Kept where Django
        # keeps `user.person`, so either spelling queries once.
        cache = self._state.fields_cache
        if "person" not in cache:
            cache["person"] = Person.objects.select_related("home_region").filter(user_id=self.pk).first()
        return cache["person"]


class Person(models.Model):
    """A volunteer, whether or not they have an account yet."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Registered volunteer"
        PROSPECT = "prospect", "Interested (not yet registered)"
        INACTIVE = "inactive", "Inactive"

    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    preferred_name = models.CharField(max_length=80, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    birth_date = models.DateField(null=True, blank=True)
    volunteer_id = models.CharField("AYSO volunteer id", max_length=20, null=True, blank=True, unique=True)
    home_region = models.ForeignKey(
        "org.Region", on_delete=models.PROTECT, related_name="people"
    )
    # A person links to at most one account, and an account to one person.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        indexes = [
            models.Index(fields=["home_region", "last_name", "first_name"]),
            models.Index(Lower("email"), name="person_email_lower"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}".strip()

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    def is_youth_on(self, day: date) -> bool:
        """Under-18 volunteers are exempt from background check, Live Scan and
        SafeSport and may not coach (DOMAIN.md §2)."""
        age = self.age_on(day)
        return age is not None and age < 18
