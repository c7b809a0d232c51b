"""Evidence files (certificates of completion, licence scans): PDF, PNG or
JPEG, at most 10 MB, with the type decided by the file's content — a renamed
.exe is refused whatever its name says."""

from __future__ import annotations

from django.core.exceptions import ValidationError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

# Magic numbers of the accepted formats.
_SIGNATURES = (
    (b"%PDF-", "pdf", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
)


def sniff(head: bytes) -> tuple[str, str] | None:
    """(extension, content type) of an accepted format, from the first bytes."""
    for magic, ext, content_type in _SIGNATURES:
        if head.startswith(magic):
            return ext, content_type
    return None


def validate_evidence_file(upload) -> tuple[str, str]:
    """Check an uploaded file; returns (extension, content type) or raises
    ValidationError with a message a volunteer understands."""
    if upload is None:
        raise ValidationError("Choose a file to upload.", code="required")
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            "The file is %(size).1f MB; the limit is 10 MB. Scan at a lower resolution or save as PDF.",
            code="too_large",
            params={"size": upload.size / 1024 / 1024},
        )
    if upload.size == 0:
        raise ValidationError("The file is empty.", code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        raise ValidationError(
            "This file is not a PDF, PNG or JPEG (its content was checked, not its name).", code="bad_type"
        )
    return kind


def content_type_of(stored_file) -> str:
    """Content type of a stored evidence file, for serving it inline."""
    with stored_file.open("rb") as fh:
        kind = sniff(fh.read(16))
    return kind[1] if kind else "application/octet-stream"


def private_path(folder: str, filename: str, *, suffix: str | None = None) -> str:
    """Where an uploaded file with personal data is stored: a random name
    (file names are guessable and may carry personal data) under the private
    prefix, which is never served from MEDIA_URL, only through views that
    check access. The suffix is the file's own, cut short, unless given."""
    from uuid import uuid4

    from django.conf import settings

    if suffix is None:
        suffix = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "bin"
    return f"{settings.PRIVATE_MEDIA_PREFIX}{folder}/{uuid4().hex}.{suffix}"
