"""A volunteer's own enrolments and their personal calendar link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.org.audit import log_action
from coachready.training import access
from coachready.training.models import FeedToken, new_feed_token


@login_required
def my_enrollments(request):
    person = access.person_of(request.user)
    enrollments = (
        access.own_enrollments(request.user)
        .select_related("event__region")
        .prefetch_related("event__sessions")
        .order_by("-created_at")
    )
    token = FeedToken.objects.filter(person=person).first()
    feed_url = ""
    if token:
        # Calendar apps send no cookie: the link names the language the
        # volunteer reads this page in, for when their profile names none.
        path = reverse("training:my_feed", args=[token.token])
        feed_url = request.build_absolute_uri(f"{path}?{urlencode({'lang': translation.get_language()})}")
    return render(request, "training/my.html", {"person": person, "enrollments": enrollments, "feed_url": feed_url})


@login_required
@require_POST
def new_feed_link(request):
    """Make (or replace) the secret calendar link; an old link stops working."""
    person = access.person_of(request.user)
    with transaction.atomic():
        token, created = FeedToken.objects.get_or_create(person=person)
        if not created:
            token.token = new_feed_token()
            token.save(update_fields=["token", "created_at"])
        log_action(
            "training.feed.created" if created else "training.feed.replaced", user=request.user, obj=token,
            region=person.home_region_id, summary=f"Calendar link of {person.display_name} "
            + ("created" if created else "replaced"),
        )
    messages.success(request, _("Your calendar link is ready.") if created
                     else _("Your calendar link is replaced; the old one no longer works."))
    return redirect("training:my")
