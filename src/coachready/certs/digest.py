"""What the certs app tells a region's administrators in their weekly digest."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from coachready.certs.access import pending_for_region
from coachready.certs.services.readiness import region_rows
from coachready.core.addresses import base_url
from coachready.core.hooks import DigestSection

LISTED = 15


def _place(row) -> str:  # noqa: ANN001
    return f"{row.division} {row.team}" if row.on_team else f"{row.division}, awaiting a team"


def _lines(rows, describe) -> list[str]:  # noqa: ANN001
    lines = [describe(r) for r in rows[:LISTED]]
    if len(rows) > LISTED:
        lines.append(f"… and {len(rows) - LISTED} more.")
    return lines


def digest_sections(region, as_of: date) -> list[DigestSection]:  # noqa: ANN001
    """Pending verifications, coaches lapsed in the last 7 days, coaches
    lapsing in the next 30 days. Empty sections are left out."""
    sections = []
    base = base_url(region)
    pending = pending_for_region(region).count()
    if pending:
        sections.append(DigestSection(
            "Certificates waiting for verification",
            [f"{pending} upload{'s' if pending != 1 else ''} to approve or reject."],
            base + reverse("certs:verify", args=[region.number]), order=20,
        ))
    now = region_rows(region, as_of)
    week_ago = {r.key: r for r in region_rows(region, as_of - timedelta(days=7))}
    lapsed = [r for r in now if not r.eligible and week_ago.get(r.key) is not None and week_ago[r.key].eligible]
    dashboard = base + reverse("certs:readiness", args=[region.number])
    if lapsed:
        sections.append(DigestSection(
            "Coaches who stopped being ready in the last 7 days",
            _lines(lapsed, lambda r: f"{r.name} ({_place(r)}): {', '.join(r.unmet)}"),
            dashboard + "?status=not_ready", order=21,
        ))
    horizon = as_of + timedelta(days=30)
    lapsing = sorted((r for r in now if r.eligible and r.earliest_lapse and r.earliest_lapse <= horizon),
                     key=lambda r: r.earliest_lapse)
    if lapsing:
        sections.append(DigestSection(
            "Coaches whose certification lapses in the next 30 days",
            _lines(lapsing, lambda r: f"{r.name} ({_place(r)}): lapses {r.earliest_lapse}"),
            dashboard + "?status=due_30", order=22,
        ))
    return sections
