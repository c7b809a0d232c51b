from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from coachready.core import hooks


@login_required
def home(request):
    """The signed-in home: what this person can do, from every app."""
    return render(request, "core/home.html", {"cards": hooks.home_links(request)})


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
