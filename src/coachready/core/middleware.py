"""Request hygiene shared by every view, including the CMS's and the admin's."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

REDIRECT_FIELD = "next"


class RequestHygieneMiddleware:
    """Answer what no view should have to, before any view runs.

    - A NUL character in the path or the query string is refused (400): it is
      never part of a real address, and PostgreSQL refuses it in any text, so
      one reaching a query was a server error (in the CMS's own views too).
      Forms refuse it in their bodies already (Django's text fields do).
    - A `next` parameter that is not a path on this site is dropped: Django's
      login views (the CMS and the Django admin use them) take a `next`
      without a slash for the name of a URL pattern, so a signed-in person
      sent to `/cms/login/?next=anything` met a server error. Every page that
      reads `next` is after a path of our own, so nothing else is lost.
    """

    def __init__(self, get_response) -> None:  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any("\x00" in key or "\x00" in value
                                         for key, values in request.GET.lists() for value in values):
            return HttpResponseBadRequest(_("The address holds a NUL character, which no address of this site has."))
        # The query string only: reading a form body here would consume
        # uploads before their view could choose how to read them.
        values = request.GET.getlist(REDIRECT_FIELD)
        if values and not all(_local_path(v) for v in values):
            request.GET = request.GET.copy()
            request.GET.setlist(REDIRECT_FIELD, [v for v in values if _local_path(v)])
            if not request.GET.getlist(REDIRECT_FIELD):
                del request.GET[REDIRECT_FIELD]
        return self.get_response(request)


def _local_path(value: str) -> bool:
    return value.startswith("/") and not value.startswith(("//", "/\\"))
