"""Request hygiene shared by every view, including the CMS's and the admin's."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from coachready.core.redirects import is_local_path

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
        request.GET = _only_local_next(request.GET)
        # A plain form body too (sign-in pages post `next` back and show it
        # again in the page); never a multipart one: reading it here would
        # consume uploads before their view could choose how to read them.
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            request.POST = _only_local_next(request.POST)
        return self.get_response(request)


def _only_local_next(params):  # noqa: ANN001, ANN202 - a QueryDict
    values = params.getlist(REDIRECT_FIELD)
    if not values or all(is_local_path(v) for v in values):
        return params
    params = params.copy()
    params.setlist(REDIRECT_FIELD, [v for v in values if is_local_path(v)])
    if not params.getlist(REDIRECT_FIELD):
        del params[REDIRECT_FIELD]
    return params

