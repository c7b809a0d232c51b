"""Cross-certification applications and the decisions taken on them.

An application walks the policy's approval chain one step at a time. Each
step ends with exactly one decision per round (a round is one pass through
the chain; returning the application for more information and resubmitting
it starts a new round at the same step). The unique constraint on
(application, step, round) is what guarantees that two reviewers clicking at
the same moment leave one decision, even where row locks are not available.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coachready.core import uploads

# CONTRACTS.md section 3: the licence codes the engine knows.
LICENCE_CHOICES = (
    ("ussf_youth_modules", _("US Soccer Youth Modules")),
    ("ussf_f", _("US Soccer F licence")),
    ("ussf_e", _("US Soccer E licence")),
    ("ussf_d", _("US Soccer D licence")),
    ("ussf_c", _("US Soccer C licence")),
    ("ussf_b", _("US Soccer B licence")),
    ("ussf_a", _("US Soccer A licence")),
    ("ussf_pro", _("US Soccer Pro licence")),
    ("nscaa", _("NSCAA diploma")),
    ("united_soccer_coaches", _("United Soccer Coaches diploma")),
    ("fa", _("FA coaching level")),
    ("other", _("Another organisation's licence")),
)

# The approval roles and the level of the org tree each is held at.
ROLE_LEVELS = {
    "regional_commissioner": "region",
    "regional_coach_administrator": "region",
    "area_coach_administrator": "area",
    "section_coach_administrator": "section",
    "national_coach": "national",
}


def scan_path(instance: Application, filename: str) -> str:
    return uploads.private_path("crosscert", filename)


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("In review")
        RETURNED = "returned", _("Returned for more information")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    applicant = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="crosscert_applications")
    licence = models.CharField(_("licence"), max_length=30, choices=LICENCE_CHOICES)
    licence_number = models.CharField(max_length=60)
    issuing_body = models.CharField(max_length=120)
    issued_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    scan = uploads.EvidenceFileField(upload_to=scan_path, max_length=200)
    # The AYSO coach course applied for: one of the policy's grants for the licence.
    course = models.CharField(max_length=40)
    statement = models.TextField(blank=True)
    # Snapshots taken at submission, so a later change to the region's policy
    # does not move an application in review to different approvers.
    policy_name = models.CharField(max_length=40)
    approval_chain = models.JSONField(default=list)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    step = models.PositiveSmallIntegerField(default=0)
    round = models.PositiveSmallIntegerField(default=1)
    # The role that must act now; empty when nobody in the chain holds it
    # (returned to the applicant, or decided). Kept in a column so a
    # reviewer's queue is one indexed query.
    current_role = models.CharField(max_length=40, blank=True)
    step_since = models.DateTimeField()
    submitted_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=F("issued_on")),
                name="crosscert_expiry_after_issue",
            ),
        ]
        indexes = [models.Index(fields=["status", "current_role"])]

    def __str__(self) -> str:
        return f"{self.get_licence_display()} → {self.course} ({self.applicant})"

    @property
    def course_title(self) -> str:
        """The course's title in the policy the application was made under,
        in the reader's language."""
        from coachready.core.policy_words import local_title
        from coachready.rules import load_policy

        return local_title(load_policy(self.policy_name), self.course)

    @property
    def status_badge(self) -> str:
        """The site.css badge for the status; the word is always shown too."""
        return {"submitted": "pending", "returned": "due_soon", "approved": "met", "rejected": "blocked"}[self.status]

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.SUBMITTED, self.Status.RETURNED}

    @property
    def step_role(self) -> str:
        """The chain role of the current step (also while returned)."""
        chain = self.approval_chain or []
        return chain[self.step] if self.step < len(chain) else ""

    @property
    def is_last_step(self) -> bool:
        return self.step == len(self.approval_chain or []) - 1


class Decision(models.Model):
    class Action(models.TextChoices):
        RECOMMEND = "recommend", _("Recommended")
        APPROVE = "approve", _("Approved")
        RETURN = "return", _("Returned for more information")
        REJECT = "reject", _("Rejected")

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="decisions")
    step = models.PositiveSmallIntegerField()
    round = models.PositiveSmallIntegerField()
    role = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=12, choices=Action.choices)
    reason = models.TextField(blank=True)
    # A default rather than auto_now_add, so imported and demo histories
    # keep their own dates.
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["application_id", "at", "id"]
        constraints = [
            # Every action ends the step for this round: one decision only.
            models.UniqueConstraint(fields=["application", "step", "round"], name="crosscert_one_decision_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at step {self.step + 1} by {self.actor}"
