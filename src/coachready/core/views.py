from __future__ import annotations

import sys

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, requires_csrf_token
from django.views.decorators.http import require_POST

from coachready.core import dbfailures, hooks, language
from coachready.core.redirects import safe_next


@login_required
def home(request):
    """The signed-in home: what this person can do, from every app."""
    return render(request, "core/home.html", {"cards": hooks.home_links(request)})


@never_cache
def healthz(request):
    """For the load balancer: 200 when this process can read and write its
    database, 503 with the reason when it cannot (down, read-only, full), so
    traffic goes to processes that can serve."""
    failure = dbfailures.probe()
    if failure is not None:
        return HttpResponse(f"unavailable: {failure.headline}: {failure.reason}\n", status=503,
                            content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico where a document names no icon (an XML
    sitemap, a PDF): the same icon the pages name."""
    from django.templatetags.static import static

    return redirect(static("coachready/favicon.svg"), permanent=True)


@never_cache
def livez(request):
    """Liveness: the process answers. Never touches the database, so a
    database outage does not get healthy processes restarted."""
    return HttpResponse("ok", content_type="text/plain")


@requires_csrf_token
def server_error(request):
    """The 500 handler. When the database is the cause (down, read-only,
    full) the visitor gets a 503 saying the site is temporarily unavailable
    or read-only, rendered without touching the database."""
    failure = dbfailures.diagnose(sys.exc_info()[1]) if sys.exc_info()[1] is not None else None
    if failure is None or failure.kind == dbfailures.ERROR:
        return defaults.server_error(request)
    page = loader.get_template("core/unavailable.html").render(
        {"read_only": failure.kind in (dbfailures.READ_ONLY, dbfailures.DISK_FULL)}
    )
    response = HttpResponse(page, status=503)
    response["Retry-After"] = "120"
    return response


def sign_in_through_accounts(request):
    """The CMS's and Django admin's login pages: one sign-in for everything,
    allauth's, so its second-factor step applies at every door."""
    if request.user.is_authenticated:
        # Signed in, and the CMS or admin still sent them here: they may not
        # enter it. Sending them to sign in again would only bounce back.
        raise PermissionDenied
    url = reverse("account_login")
    next_url = request.GET.get("next")
    if next_url:
        # allauth checks `next` stays on this site before following it.
        url = f"{url}?{urlencode({'next': next_url})}"
    return redirect(url)


@csrf_exempt
@require_POST
def choose_language(request):
    """The language switcher on every page. Anyone may choose; the choice is
    kept in a cookie and, for a signed-in person, on their profile.

    The switcher needs no CSRF token for a visitor who is not signed in
    (choosing a language harms no one, and a token would set a cookie that
    keeps public pages out of the shared cache); a signed-in person's
    profile is only written with a valid token, as every other form."""
    chosen = language.supported(request.POST.get("language"))
    if chosen is None or chosen not in language.SUPPORTED:
        return HttpResponseBadRequest(
            gettext("Choose one of the languages offered."), content_type="text/plain; charset=utf-8"
        )
    back = safe_next(request) or "/"
    response = redirect(language.translated_path(back, chosen))
    language.remember(response, chosen)
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
        language.save_for_person(request, chosen)
    return response
