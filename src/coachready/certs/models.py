"""Certification records: every course, check and licence a volunteer holds.

Records are never deleted from the product. An expired record stays visible
and simply stops counting; a rejected upload stays with its reason. Only
verified records count towards a verdict.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coachready.core import uploads


def evidence_path(instance: CertificationRecord, filename: str) -> str:
    return uploads.private_path("certs", filename)


class CertificationRecord(models.Model):
    class Source(models.TextChoices):
        ONLINE = "online", _("Online course")
        EVENT = "event", _("In-person training event")
        UPLOAD = "upload", _("Certificate upload")
        CROSSCERT = "crosscert", _("Cross-certification")
        IMPORT = "import", _("Import")
        MANUAL = "manual", _("Entered by an administrator")

    class Status(models.TextChoices):
        VERIFIED = "verified", _("Verified")
        PENDING = "pending", _("Pending verification")
        REJECTED = "rejected", _("Rejected")

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="records")
    # A requirement code from the rules engine (safe_haven, coach_10u, ...).
    requirement = models.CharField(max_length=40)
    completed_on = models.DateField()
    # Last day the record counts, when the certificate itself says so;
    # otherwise the policy computes it from completed_on.
    valid_until = models.DateField(null=True, blank=True)
    risk_status = models.CharField(max_length=10, blank=True)
    source = models.CharField(max_length=12, choices=Source.choices)
    # Where the record came from inside the product, e.g. "training.enrollment:12".
    source_ref = models.CharField(max_length=80, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.VERIFIED)
    evidence = uploads.EvidenceFileField(upload_to=evidence_path, blank=True, max_length=200)
    note = models.TextField(blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person_id", "requirement", "-completed_on"]
        indexes = [
            models.Index(fields=["person", "requirement"]),
            # Bulk readiness reads "the verified records of these people":
            # with (status) alone the planner may scan every verified record
            # once per person (seen: a minute for one region on PostgreSQL
            # before its first ANALYZE).
            models.Index(fields=["person", "status"], name="certs_record_person_status"),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["requirement", "valid_until"]),
        ]

    def __str__(self) -> str:
        return f"{self.requirement} {self.completed_on} ({self.get_status_display()})"

    @property
    def requirement_title(self) -> str:
        """The requirement's title in the rules of the volunteer's home region
        (the national rules for a volunteer with none): words for pages,
        emails and audit summaries."""
        from coachready.rules import DEFAULT_POLICY, load_policy

        region = self.person.home_region
        policy = region.policy() if region is not None else load_policy(DEFAULT_POLICY)
        from coachready.core.policy_words import local_title

        return local_title(policy, self.requirement)

    @property
    def counts(self) -> bool:
        return self.status == self.Status.VERIFIED

    def as_rule_record(self):  # -> coachready.rules.Record
        from coachready.rules import Record

        return Record(
            requirement=self.requirement,
            completed_on=self.completed_on,
            valid_until=self.valid_until,
            risk_status=self.risk_status or None,
            source=self.source,
            ref=self.pk,
        )


class ReadinessVersion(models.Model):
    """A region's readiness data stamp.

    Every write that can change a verdict or a row shown for the region's
    coaches (a record created, verified, rejected or corrected; an
    assignment made, ended or overridden; a role or policy change; a bulk
    import) replaces the stamp in the same transaction, through
    `coachready.certs.services.versions.bump_readiness_version`. Cached
    readiness is keyed by the stamp, so it never outlives the data it was
    computed from. A random stamp rather than a counter: a key can never be
    reused after a rollback, a restore or a re-seeded database.
    """

    region = models.OneToOneField("org.Region", on_delete=models.CASCADE, primary_key=True, related_name="+")
    stamp = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"readiness of region #{self.region_id}: {self.stamp}"
