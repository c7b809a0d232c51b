"""What the certs app tells a region's administrators in their weekly digest."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachready.certs.access import pending_for_region
from coachready.certs.services.readiness import region_rows
from coachready.core.addresses import base_url
from coachready.core.hooks import DigestSection
from coachready.teams.labels import division_label, team_name_label

LISTED = 15


def _place(row) -> str:  # noqa: ANN001
    if row.on_team:
        return team_name_label(row.division, row.team)
    return _("%(division)s, awaiting a team") % {"division": division_label(row.division)}


def _lines(rows, describe) -> list[str]:  # noqa: ANN001
    lines = [describe(r) for r in rows[:LISTED]]
    if len(rows) > LISTED:
        lines.append(_("… and %(count)d more.") % {"count": len(rows) - LISTED})
    return lines


def digest_sections(region, as_of: date) -> list[DigestSection]:  # noqa: ANN001
    """Pending verifications, coaches lapsed in the last 7 days, coaches
    lapsing in the next 30 days. Empty sections are left out."""
    sections = []
    base = base_url(region)
    pending = pending_for_region(region).count()
    if pending:
        sections.append(DigestSection(
            _("Certificates waiting for verification"),
            [ngettext("%(count)d upload to approve or reject.", "%(count)d uploads to approve or reject.", pending)
             % {"count": pending}],
            base + reverse("certs:verify", args=[region.number]), order=20,
        ))
    now = region_rows(region, as_of)
    week_ago = {r.key: r for r in region_rows(region, as_of - timedelta(days=7))}
    lapsed = [r for r in now if not r.eligible and week_ago.get(r.key) is not None and week_ago[r.key].eligible]
    dashboard = base + reverse("certs:readiness", args=[region.number])
    if lapsed:
        sections.append(DigestSection(
            _("Coaches who stopped being ready in the last 7 days"),
            _lines(lapsed, lambda r: _("%(name)s (%(place)s): %(missing)s") % {
                "name": r.name, "place": _place(r), "missing": get_text_list([m.title for m in r.missing], _("and"))}),
            dashboard + "?status=not_ready", order=21,
        ))
    horizon = as_of + timedelta(days=30)
    lapsing = sorted((r for r in now if r.eligible and r.earliest_lapse and r.earliest_lapse <= horizon),
                     key=lambda r: r.earliest_lapse)
    if lapsing:
        sections.append(DigestSection(
            _("Coaches whose certification lapses in the next 30 days"),
            _lines(lapsing, lambda r: _("%(name)s (%(place)s): lapses %(day)s") % {
                "name": r.name, "place": _place(r), "day": date_format(r.earliest_lapse)}),
            dashboard + "?status=due_30", order=22,
        ))
    return sections
