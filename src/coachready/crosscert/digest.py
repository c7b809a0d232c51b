"""The weekly digest's cross-certification section for a region."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        names = {
            "name": application.applicant.display_name, "licence": application.get_licence_display(),
            "course": application.course_title, "days": days,
        }
        if application.status == Application.Status.SUBMITTED:
            role = application.current_role
            names.update(step=application.step + 1, steps=len(application.approval_chain),
                         role=role_label(role), unit=unit_label(role, region))
            lines.append(ngettext(
                "%(name)s: %(licence)s → %(course)s — step %(step)s of %(steps)s, "
                "waiting for the %(role)s (%(unit)s) for %(days)s day",
                "%(name)s: %(licence)s → %(course)s — step %(step)s of %(steps)s, "
                "waiting for the %(role)s (%(unit)s) for %(days)s days",
                days,
            ) % names)
        else:
            lines.append(ngettext(
                "%(name)s: %(licence)s → %(course)s — returned to the applicant for more information "
                "%(days)s day ago",
                "%(name)s: %(licence)s → %(course)s — returned to the applicant for more information "
                "%(days)s days ago",
                days,
            ) % names)
    if not lines:
        return None
    return DigestSection(_("Cross-certification applications"), lines, url=reverse("crosscert:queue"), order=60)
