"""Cross-certification pages. Thin: lookups through crosscert.access,
writes through crosscert.services, words from crosscert.tracking."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.certs.models import CertificationRecord
from coachready.core.policy_words import local_title
from coachready.core.uploads import evidence_response
from coachready.crosscert import access, services, tracking
from coachready.crosscert.forms import ApplicationForm, DecisionForm
from coachready.crosscert.models import Application


def _person(request):
    person = request.user.person_or_none
    if person is None:
        raise PermissionDenied(_("Your account is not linked to a volunteer record yet."))
    return person


def _form_data(form: ApplicationForm) -> dict:
    data = dict(form.cleaned_data)
    if not data.get("scan"):
        data["scan"] = None
    return data


@login_required
def apply(request):
    person = _person(request)
    policy = person.home_region.policy()
    form = ApplicationForm(
        request.POST or None, request.FILES or None, person=person, policy=policy,
        initial={"licence": request.GET.get("licence", "")[:30]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.submit_application(person, _form_data(form), user=request.user)
        except services.CrossCertError as exc:
            form.add_error(exc.field or None, exc.message)
        else:
            messages.success(request, _("Your application is in review. %(standing)s") % {
                "standing": tracking.standing(application)})
            return redirect("crosscert:detail", pk=application.pk)
    return render(request, "crosscert/apply.html", {
        "form": form, "person": person, "policy": policy,
        "preconditions": services.check_preconditions(person, policy, timezone.localdate()),
        "licences": services.licence_options(policy),
        "chain_titles": [
            _("%(role)s (%(unit)s)") % {
                "role": services.notify.role_label(role), "unit": access.unit_label(role, person.home_region)}
            for role in policy.crosscert.approval_chain
        ],
    })


@login_required
def mine(request):
    person = request.user.person_or_none
    applications = list(
        access.applications_for(request.user).filter(applicant__user=request.user)
        .select_related("applicant__home_region__area__section")
    )
    rows = [(a, tracking.standing(a)) for a in applications]
    return render(request, "crosscert/mine.html", {"rows": rows, "person": person})


@login_required
def detail(request, pk: int):
    application = access.get_application_for(request.user, pk)
    return _render_detail(request, application)


def _render_detail(request, application: Application, form: DecisionForm | None = None, status: int = 200):
    policy = application.applicant.home_region.policy()
    decisions = list(application.decisions.select_related("actor__person"))
    refusal = access.refusal_to_act(request.user, application)
    if form is None and not refusal:
        form = DecisionForm(
            actions=services.allowed_actions(application),
            initial={"step": application.step, "round": application.round},
        )
    is_applicant = application.applicant.user_id == request.user.pk
    records = []
    if not is_applicant:
        records = [
            (local_title(policy, r.requirement), r)
            for r in CertificationRecord.objects.filter(person=application.applicant).order_by(
                "requirement", "-completed_on"
            )
        ]
    holders = []
    if application.status == Application.Status.SUBMITTED:
        holders = access.role_holders(
            application.current_role, application.applicant.home_region, exclude=application.applicant
        )
    return render(request, "crosscert/detail.html", {
        "application": application,
        "holders": holders,
        "holder_names": ", ".join(p.display_name for p in holders),
        "course_title": local_title(policy, application.course),
        "steps": tracking.chain_steps(application, decisions),
        "standing": tracking.standing(application),
        "decisions": [(d, services.notify.role_label(d.role)) for d in decisions],
        "form": form if not refusal else None,
        "acting_as": _("%(role)s (%(unit)s)") % {
            "role": services.notify.role_label(application.current_role),
            "unit": access.unit_label(application.current_role, application.applicant.home_region)},
        "is_applicant": is_applicant,
        "records": records,
        "preconditions": [] if is_applicant else services.check_preconditions(
            application.applicant, policy, timezone.localdate(), has_scan=bool(application.scan)
        ),
    }, status=status)


@login_required
@require_POST
def act(request, pk: int):
    application = access.get_application_for(request.user, pk)
    shown = (request.POST.get("step"), request.POST.get("round"))
    if shown != (str(application.step), str(application.round)) or application.status != Application.Status.SUBMITTED:
        # The page was out of date (a double click, or another reviewer was
        # quicker): say so rather than refuse; nothing is written.
        messages.info(request, _("This step has already been decided. %(standing)s") % {
            "standing": tracking.standing(application)})
        return redirect("crosscert:detail", pk=application.pk)
    access.check_can_act(request.user, application)
    form = DecisionForm(request.POST, actions=services.allowed_actions(application))
    if not form.is_valid():
        return _render_detail(request, application, form, status=400)
    data = form.cleaned_data
    try:
        application = services.act_on_application(
            application.pk, user=request.user, action=data["action"], reason=data["reason"],
            step=data["step"], round=data["round"],
        )
    except services.CrossCertError as exc:
        if exc.field:
            form.add_error(exc.field, exc.message)
            return _render_detail(request, application, form, status=400)
        messages.error(request, exc.message)
        return redirect("crosscert:detail", pk=application.pk)
    messages.success(request, _("Decision recorded. %(standing)s") % {"standing": tracking.standing(application)})
    return redirect("crosscert:queue")


@login_required
def edit(request, pk: int):
    application = access.get_application_to_edit(request.user, pk)
    person = application.applicant
    policy = person.home_region.policy()
    initial = {name: getattr(application, name) for name in services.applications.FIELDS}
    form = ApplicationForm(
        request.POST or None, request.FILES or None, person=person, policy=policy,
        application=application, initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.resubmit_application(application, _form_data(form), user=request.user)
        except services.CrossCertError as exc:
            form.add_error(exc.field or None, exc.message)
        else:
            messages.success(request, _("Resubmitted. %(standing)s") % {"standing": tracking.standing(application)})
            return redirect("crosscert:detail", pk=application.pk)
    return render(request, "crosscert/edit.html", {
        "form": form, "application": application, "policy": policy,
        "licences": services.licence_options(policy),
    })


@login_required
def queue(request):
    if not access.is_reviewer(request.user):
        raise PermissionDenied(_("You hold no role that reviews cross-certification applications."))
    now = timezone.now()
    rows = []
    for application in access.queue_for(request.user):
        region = application.applicant.home_region
        rows.append({
            "application": application,
            "role": services.notify.role_label(application.current_role),
            "unit": access.unit_label(application.current_role, region),
            "waited_days": (now - application.step_since).days,
            "last_step": application.is_last_step,
        })
    return render(request, "crosscert/queue.html", {"rows": rows})


@login_required
def scan(request, pk: int):
    application = access.get_application_for(request.user, pk)
    if not application.scan:
        raise Http404(_("No licence copy on file."))
    try:
        return evidence_response(application.scan, download_name=f"licence-{application.pk}")
    except (FileNotFoundError, OSError):
        raise Http404(_("The licence copy is missing from storage.")) from None
    except ValueError:
        raise PermissionDenied(_("This file cannot be shown.")) from None
