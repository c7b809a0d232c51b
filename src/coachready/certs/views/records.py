"""Region administrators: record a completion by hand, email selected people."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coachready.certs.access import admin_region, get_region_person, region_people
from coachready.certs.forms import EmailForm, ManualRecordForm
from coachready.certs.models import CertificationRecord
from coachready.certs.services import verification
from coachready.certs.services.records import record_completion
from coachready.certs.views.common import today
from coachready.core.policy_words import local_title
from coachready.core.redirects import safe_next


@login_required
def manual_record(request, number: int, pk: int):
    region = admin_region(request.user, number)
    person = get_region_person(request.user, region, pk)
    policy = region.policy()
    form = ManualRecordForm(request.POST or None, request.FILES or None, policy=policy, today=today())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        record_completion(
            person, data["requirement"], data["completed_on"], source=data["source"], user=request.user,
            valid_until=data["valid_until"], risk_status=data["risk_status"], note=data["note"],
            evidence=data["evidence"], verified=True,
        )
        messages.success(request, _("Recorded %(title)s for %(name)s.") % {
            "title": local_title(policy, data["requirement"]), "name": person.display_name})
        return redirect(safe_next(request) or reverse("certs:manual_record", args=[region.number, person.pk]))
    recent = [(record, local_title(policy, record.requirement)) for record in
              CertificationRecord.objects.filter(person=person).order_by("-completed_on", "-pk")[:20]]
    return render(request, "certs/manual_record.html", {
        "region": region, "person": person, "form": form, "recent": recent, "policy": policy,
    })


@login_required
def email(request, number: int):
    region = admin_region(request.user, number)
    source = request.POST if request.method == "POST" else request.GET
    people = region_people(region, source.getlist("people"))
    form = EmailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not people:
            form.add_error(None, _("Select at least one volunteer."))
        else:
            sent = verification.email_people(region, people, form.cleaned_data["subject"],
                                             form.cleaned_data["body"], user=request.user)
            messages.success(request, ngettext("%(count)d email queued.", "%(count)d emails queued.", sent)
                             % {"count": sent})
            return redirect(safe_next(request) or reverse("certs:readiness", args=[region.number]))
    return render(request, "certs/email.html", {
        "region": region, "people": people, "form": form,
        "without_email": [p for p in people if not p.email],
        "next": source.get("next", ""),
    })
