"""Going back where a form came from: a page that posts to another app's
endpoint (Enrol on the path to ready, Verify on a volunteer's page) passes
`next`, and only a path on this site is followed."""

from __future__ import annotations

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request) -> str | None:  # noqa: ANN001
    """The posted (or asked) `next` when it is a path on this site, else None."""
    back = request.POST.get("next") or request.GET.get("next") or ""
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return None
