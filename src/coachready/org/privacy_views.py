"""Privacy requests on the web: the region's Regional Commissioner and
safety advocate export or erase a volunteer's data from the person's page;
a volunteer downloads their own data from /my/. Every action is audited."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.org.access import PRIVACY_ROLES, get_person_for_privacy, get_region_for
from coachready.org.audit import log_action
from coachready.org.forms import MessageRetentionForm
from coachready.org.models import Person
from coachready.org.privacy import erase_subject, export_subject, subject_for_person


def _download(person: Person, *, user) -> HttpResponse:  # noqa: ANN001
    """The export as a JSON file, audited as one export of that person."""
    document = export_subject(subject_for_person(person))
    log_action("org.privacy.exported", user=user, obj=person, region=person.home_region_id,
               summary="Privacy export downloaded")
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    name = f"coachready-data-{person.volunteer_id or person.pk}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def privacy(request, pk: int):
    """What a privacy request does, with the two actions behind buttons."""
    person = get_person_for_privacy(request.user, pk)
    return render(request, "org/privacy.html", {"person": person})


@login_required
@require_POST
def privacy_export(request, pk: int):
    person = get_person_for_privacy(request.user, pk)
    return _download(person, user=request.user)


@login_required
def privacy_erase(request, pk: int):
    """GET: the confirmation page; POST with the confirmation ticked: erase."""
    person = get_person_for_privacy(request.user, pk)
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "erase":
            region = person.home_region
            erase_subject(subject_for_person(person), user=request.user)
            messages.success(
                request, _("The volunteer's data was erased. The audit log records that an erasure happened.")
            )
            return redirect("org:people", number=region.number)
        error = _("Tick the box to confirm the erasure.")
    return render(request, "org/privacy_erase.html", {"person": person, "error": error},
                  status=400 if error else 200)


@login_required
@require_POST
def my_data(request):
    """A volunteer's own data, as a JSON download."""
    person = request.user.person_or_none
    if person is None:
        raise PermissionDenied(_("Your account is not linked to a volunteer record yet."))
    return _download(person, user=request.user)


@login_required
def retention(request, number: int):
    """How long the region keeps what visitors send: the RC and safety advocate decide."""
    from coachready.site.services.retention import set_message_retention

    region = get_region_for(request.user, number, PRIVACY_ROLES)
    form = MessageRetentionForm(request.POST if request.method == "POST" else None, instance=region)
    if request.method == "POST" and form.is_valid():
        set_message_retention(region, form.cleaned_data["message_retention_days"], user=request.user)
        messages.success(request, _("Saved."))
        return redirect("org:retention", number=region.number)
    return render(request, "org/retention.html", {"region": region, "form": form},
                  status=400 if form.is_bound else 200)
