from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from coachready.core.navigation import collect


@login_required
def home(request):
    """The signed-in home: what this person can do, from every app."""
    return render(request, "core/home.html", {"cards": collect(request, "home_links")})


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


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
