"""Going back where a form came from: a page that posts to another app's
endpoint (Enrol on the path to ready, Verify on a volunteer's page) passes
`next`, and only a path on this site is followed. The same rule lets
RequestHygieneMiddleware drop every other `next` before any view reads it."""

from __future__ import annotations

from django.utils.http import url_has_allowed_host_and_scheme


def is_local_path(value: str) -> bool:
    """A path on this site: no scheme or host (`//evil`, `/\\evil` and
    `https://…` are not), nothing unprintable (a NUL never belongs)."""
    return value.startswith("/") and value.isprintable() and url_has_allowed_host_and_scheme(value, None)


def safe_next(request) -> str | None:  # noqa: ANN001
    """The posted (or asked) `next` when it is a path on this site, else None."""
    back = request.POST.get("next") or request.GET.get("next") or ""
    return back if is_local_path(back) else None
