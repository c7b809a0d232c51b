"""Volunteers and their sign-in accounts."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower

from coachready.org.names import full_name
from coachready.org.search import SEARCH_KEY_LENGTH, search_key

# Fields the search key is made from: a write to any of them refreshes it.
SEARCH_FIELDS = frozenset({"first_name", "last_name", "preferred_name", "volunteer_id", "email"})


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


class PersonQuerySet(models.QuerySet):
    """Bulk writes keep the search key as `save()` does (imports and the demo
    create and update volunteers in bulk, which bypasses `save()`)."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for person in objs:
            person.refresh_search_key()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        fields = list(fields)
        if SEARCH_FIELDS.intersection(fields):
            objs = list(objs)
            for person in objs:
                person.refresh_search_key()
            fields = [*fields, "search_key"] if "search_key" not in fields else fields
        return super().bulk_update(objs, fields, *args, **kwargs)


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
    # The language the person reads: their emails go out in it. Empty means
    # the site's default.
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Name, preferred name, volunteer id and email folded for search
    # (coachready.org.search); never edited by hand.
    search_key = models.CharField(max_length=SEARCH_KEY_LENGTH, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        indexes = [
            models.Index(fields=["home_region", "last_name", "first_name"]),
            models.Index(Lower("email"), name="person_email_lower"),
            # A region's search scans this index rather than the table.
            models.Index(fields=["home_region", "search_key"], name="person_region_search"),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        self.refresh_search_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and SEARCH_FIELDS.intersection(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_key"}
        super().save(*args, **kwargs)

    def refresh_search_key(self) -> None:
        self.search_key = search_key(self.first_name, self.last_name, self.preferred_name, self.volunteer_id,
                                     self.email)

    @property
    def display_name(self) -> str:
        return full_name(self.first_name, self.last_name, self.preferred_name)

    @property
    def listed_name(self) -> str:
        """The name as a list sorted by family name shows it."""
        return full_name(self.first_name, self.last_name, self.preferred_name, listed=True)

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
