"""A requirement's status in words ("Missing", "Due soon"), for pages; the
verdict, the API and the command line keep the codes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "met": _("Met"),
    "due_soon": _("Due soon"),
    "expired": _("Expired"),
    "missing": _("Missing"),
    "blocked": _("Blocked"),
    "pending": _("Pending verification"),
    "exempt": _("Exempt"),
}


def status_label(code: str) -> str:
    return str(STATUS_LABELS.get(code, code))
