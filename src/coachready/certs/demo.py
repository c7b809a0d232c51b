"""Demo data for certs: a few volunteers' uploads waiting in Region 60's
verification queue, with small but real PNG and PDF certificates."""

from __future__ import annotations

import struct
import zlib
from datetime import timedelta

from django.core.files.base import ContentFile

from coachready.certs.models import CertificationRecord


def certificate_png(width: int = 240, height: int = 120) -> bytes:
    """A plain certificate-like image: a white card with a blue frame."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            edge = x < 6 or y < 6 or x >= width - 6 or y >= height - 6
            line = 40 <= y <= 44 and 30 <= x <= width - 30
            row += bytes((11, 79, 156)) if edge or line else bytes((255, 255, 255))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows)))
            + chunk(b"IEND", b""))


def certificate_pdf(title: str, name: str) -> bytes:
    """A one-page PDF saying who completed what."""
    text = f"BT /F1 20 Tf 60 700 Td (Certificate of completion) Tj 0 -40 Td ({title}) Tj 0 -30 Td ({name}) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text.encode("latin-1") + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def load(ctx) -> None:  # noqa: ANN001 - coachready.core.demo.DemoContext
    region = ctx.region
    policy = region.policy()
    held = set(
        CertificationRecord.objects.filter(person__home_region=region).values_list("person_id", "requirement")
    )
    candidates = [p for p in ctx.people if p.home_region_id == region.pk]
    png = certificate_png()
    made = 0
    for i, person in enumerate(candidates):
        code = ("safe_haven", "concussion", "sudden_cardiac_arrest", "referee_regional", "safesport")[made % 5]
        if (person.pk, code) in held:
            continue
        record = CertificationRecord(
            person=person, requirement=code, completed_on=ctx.anchor - timedelta(days=3 + i % 40),
            source=CertificationRecord.Source.UPLOAD, status=CertificationRecord.Status.PENDING,
        )
        if made % 2:
            content = certificate_pdf(policy.title_of(code), person.display_name)
            record.evidence.save("certificate.pdf", ContentFile(content), save=False)
        else:
            record.evidence.save("certificate.png", ContentFile(png), save=False)
        record.save()
        made += 1
        if made == 6:
            break
