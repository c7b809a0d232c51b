"""Evidence files (certificates of completion, licence scans): PDF, PNG or
JPEG, at most 10 MB, with the type decided by the file's content — a renamed
.exe is refused whatever its name says."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

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
        raise ValidationError(_("Choose a file to upload."), code="required")
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is 10 MB. Scan at a lower resolution or save as PDF."),
            code="too_large",
            params={"size": upload.size / 1024 / 1024},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        raise ValidationError(
            _("This file is not a PDF, PNG or JPEG (its content was checked, not its name)."), code="bad_type"
        )
    return kind


def content_type_of(stored_file) -> str:
    """Content type of a stored evidence file, for serving it inline."""
    with stored_file.open("rb") as fh:
        kind = sniff(fh.read(16))
    return kind[1] if kind else "application/octet-stream"


def evidence_response(stored_file, *, download_name: str):  # noqa: ANN001, ANN201 - FieldFile, FileResponse
    """Serve a stored evidence file inline with the type its content shows.

    Evidence comes from volunteers, so the browser is told never to guess the
    type (nosniff) and to treat the document as a sandboxed origin with no
    script or same-origin rights, whatever it manages to render (a PDF viewer
    still shows it). Raises FileNotFoundError/OSError when storage lost it
    and ValueError for content that is not an accepted type."""
    from django.http import FileResponse

    content_type = content_type_of(stored_file)
    if content_type == "application/octet-stream":
        raise ValueError("not an evidence type")
    ext = next(e for _, e, t in _SIGNATURES if t == content_type)
    response = FileResponse(stored_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{download_name}.{ext}"'
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def named_by_content(name: str, content) -> str:  # noqa: ANN001 - a File
    """The name an evidence file is saved under: the uploader's extension is
    replaced by the type found in the content (`x.pdf.html` holding a PDF
    becomes `x.pdf.pdf`, then a random `<uuid>.pdf` in private_path), so
    storage or a proxy that guesses the type from the name guesses right.
    Content of no accepted type keeps no extension of its own (`.bin`)."""
    content.seek(0)
    kind = sniff(content.read(16))
    content.seek(0)
    return f"{name}.{kind[0] if kind else 'bin'}"


class EvidenceFieldFile(FieldFile):
    def save(self, name: str, content, save: bool = True) -> None:  # noqa: ANN001 - a File
        super().save(named_by_content(name, content), content, save)


class EvidenceFileField(models.FileField):
    """A FileField whose stored name takes its extension from the content.

    Only the saving differs from FileField, nothing in the database, so it
    deconstructs as a plain FileField and needs no migration."""

    attr_class = EvidenceFieldFile

    def deconstruct(self):  # noqa: ANN201
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


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
