"""The weekly digest's cross-certification section for a region."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone

from coachready.core.hooks import DigestSection
from coachready.crosscert.access import unit_label
from coachready.crosscert.models import Application
from coachready.crosscert.services.notify import role_label


def digest_section(region, as_of: date) -> DigestSection | None:  # noqa: ANN001 - org.Region
    """Applications of the region's volunteers still open on `as_of`: on
    which step each waits and for how long. None when there are none."""
    open_ones = (
        Application.objects.filter(
            applicant__home_region=region,
            status__in=[Application.Status.SUBMITTED, Application.Status.RETURNED],
        )
        .select_related("applicant")
        .order_by("step_since", "pk")
    )
    lines = []
    for application in open_ones:
        days = max((as_of - timezone.localtime(application.step_since).date()).days, 0)
        who = f"{application.applicant.display_name}: {application.get_licence_display()} → {application.course_title}"
        if application.status == Application.Status.SUBMITTED:
            role = application.current_role
            lines.append(
                f"{who} — step {application.step + 1} of {len(application.approval_chain)}, waiting for the "
                f"{role_label(role)} ({unit_label(role, region)}) for {days} day{'s' if days != 1 else ''}"
            )
        else:
            lines.append(
                f"{who} — returned to the applicant for more information {days} day{'s' if days != 1 else ''} ago"
            )
    if not lines:
        return None
    return DigestSection("Cross-certification applications", lines, url=reverse("crosscert:queue"), order=60)
