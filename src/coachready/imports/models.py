"""An uploaded file waiting for, or past, its administrator's decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coachready.core.uploads import private_path


def batch_path(instance: ImportBatch, filename: str) -> str:
    # Read back only by the import service, never served.
    return private_path("imports", filename, suffix="xlsx" if filename.lower().endswith(".xlsx") else "csv")


class ImportBatch(models.Model):
    class Kind(models.TextChoices):
        VOLUNTEERS = "volunteers", _("Volunteers")
        RECORDS = "records", _("Certification records")

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Waiting for review")
        COMMITTED = "committed", _("Imported")
        CANCELLED = "cancelled", _("Cancelled")

    region = models.ForeignKey("org.Region", on_delete=models.PROTECT, related_name="import_batches")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    file = models.FileField(upload_to=batch_path, max_length=200)
    filename = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PREVIEW)
    # The date given to rows without a completion date (the licence export has none).
    undated_on = models.DateField()
    # Counts per action, the first errors and the columns read; filled at
    # preview and again at commit.
    summary = models.JSONField(default=dict, blank=True)
    # Near-match decisions: {"row number": "same" | "new"}.
    decisions = models.JSONField(default=dict, blank=True)
    # The header found at upload ({"row", "texts", "columns", "unused"}): with
    # the stored rows it gives back the table without reading the file again.
    header = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_kind_display()}, {self.get_status_display()})"

    @property
    def source_ref(self) -> str:
        """What imported records carry in `source_ref`, to trace them to this file."""
        return f"imports.batch:{self.pk}"


class ImportRow(models.Model):
    """One row of an uploaded file, read once at upload, with what it would do.

    The preview pages through these instead of reading the file again, and
    decisions and the commit plan from `cells`, so a file is parsed once
    per batch. Only the columns the import reads are kept. The rows go
    when the batch is imported or cancelled.
    """

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()  # the row's number in the file
    cells = models.JSONField()
    action = models.CharField(max_length=8)
    subject = models.TextField(blank=True)
    what = models.TextField(blank=True)
    message = models.TextField(blank=True)
    errors = models.JSONField(default=list, blank=True)  # [[column, reason], ...]
    candidate = models.TextField(blank=True)  # the near match's name, for a row waiting for a decision

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["batch", "number"], name="imports_row_unique_number")]
        indexes = [models.Index(fields=["batch", "action", "number"], name="imports_row_by_action")]

    def __str__(self) -> str:
        return f"row {self.number}: {self.action}"
