"""Training events: in-person courses that grant a requirement, and coach
clinics that grant nothing; their sessions, enrolments and attendance.

Nothing here is deleted from the product. A cancelled event stays listed as
cancelled (calendar apps need to see STATUS:CANCELLED to remove it), a
cancelled enrolment stays on the roster's history.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coachready.core.policy_words import local_title


class EventQuerySet(models.QuerySet):
    def with_counts(self) -> EventQuerySet:
        """Each event's first and last day and its seat counts, in the same query."""
        live = Q(enrollments__status="enrolled")
        waiting = Q(enrollments__status="waitlisted")
        return self.annotate(
            first_day=models.Min("sessions__date"),
            last_day=models.Max("sessions__date"),
            enrolled_count=models.Count("enrollments", filter=live, distinct=True),
            waitlist_count=models.Count("enrollments", filter=waiting, distinct=True),
        )


class Event(models.Model):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        CLINIC = "clinic", _("Coach clinic")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="training_events")
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.COURSE)
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    # The requirement code a completed course grants (coach_10u, safe_haven,
    # referee_regional...), checked against the region's policy; empty for a clinic.
    course = models.CharField(_("course granted"), max_length=40, blank=True)
    instructors = models.ManyToManyField("org.Person", blank=True, related_name="events_taught")
    venue_name = models.CharField(max_length=120)
    venue_address = models.CharField(max_length=250, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    capacity = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    # Last day on which a volunteer may enrol or cancel.
    enrol_by = models.DateField(_("enrolment deadline"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Calendar identity: the uid never changes; the sequence goes up with
    # every change, so calendar apps replace their copy instead of adding one.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["enrol_by", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gt=0), name="training_event_capacity_positive"),
            models.CheckConstraint(
                condition=(Q(kind="clinic", course="") | (Q(kind="course") & ~Q(course=""))),
                name="training_event_course_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["status", "course"]), models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.kind == self.Kind.CLINIC and self.course:
            errors["course"] = gettext("A coach clinic grants no certificate; leave the course empty.")
        if self.kind == self.Kind.COURSE:
            if not self.course:
                errors["course"] = gettext("Choose the requirement this course grants.")
            elif self.region_id is not None and self.course not in self.region.policy().requirements:
                errors["course"] = gettext("Unknown course code %(code)s for this region's rules.") % {
                    "code": repr(self.course)
                }
        if errors:
            raise ValidationError(errors)

    @property
    def course_title(self) -> str:
        """The granted requirement's title in the region's policy
        ("Coach (10U)"), for pages; the code stays for the API and CLI."""
        return local_title(self.region.policy(), self.course) if self.course else ""

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def accepts_enrolment_on(self, day: date) -> bool:
        return self.status == self.Status.PUBLISHED and day <= self.enrol_by


class Session(models.Model):
    """One meeting of an event: a classroom evening, a field morning."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField()
    start = models.TimeField()
    end = models.TimeField()
    title = models.CharField(max_length=80, blank=True, help_text=_("For example: classroom, or on the field."))

    class Meta:
        ordering = ["date", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="training_session_end_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.date} {self.start:%H:%M}"

    def clean(self) -> None:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValidationError({"end": gettext("The session must end after it starts.")})

    @property
    def calendar_uid(self) -> str:
        return f"session-{self.pk}@coachready"


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="enrollments")
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="training_enrollments")
    status = models.CharField(max_length=10, choices=Status.choices)
    # Waiting-list order: first come, first promoted. Kept after promotion
    # so the history shows the order people joined in.
    position = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    # This person's own calendar changes (cancelled, promoted, enrolled again)
    # on top of the event's: their feed and attachments carry
    # event.sequence + this, so a calendar app takes each change.
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["event_id", "status", "position", "created_at", "id"]
        constraints = [
            # A person holds at most one live enrolment per event; the database
            # enforces it, so two simultaneous clicks cannot both get a seat.
            models.UniqueConstraint(
                fields=["event", "person"], condition=~Q(status="cancelled"), name="training_one_live_enrolment"
            ),
        ]
        indexes = [models.Index(fields=["person", "status"]), models.Index(fields=["event", "status", "position"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.event} ({self.get_status_display()})"

    @property
    def source_ref(self) -> str:
        """How the certification record granted for this enrolment points back."""
        return f"training.enrollment:{self.pk}"


class Attendance(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.PROTECT, related_name="attendance")
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="attendance")
    present = models.BooleanField()
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "session"], name="training_attendance_once_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.enrollment.person} at {self.session}: {'present' if self.present else 'absent'}"


class Reminder(models.Model):
    """A session reminder that went out. The unique key is what makes the
    reminder command safe to run twice: the second run finds the row."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.PROTECT, related_name="reminders")
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="reminders")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrollment", "session"], name="training_reminder_once")]

    def __str__(self) -> str:
        return f"Reminder to {self.enrollment_id} for session {self.session_id}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class FeedToken(models.Model):
    """The secret in a volunteer's personal calendar link. Calendar apps
    cannot sign in, so the link itself is the key; a volunteer can replace
    it, which stops the old link working."""

    person = models.OneToOneField("org.Person", on_delete=models.CASCADE, related_name="training_feed")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar link of {self.person}"
