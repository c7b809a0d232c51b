"""My coaching: the volunteer's checklist, path to ready, uploads and history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coachready.certs.access import get_record_for, my_person
from coachready.certs.forms import UploadForm
from coachready.certs.labels import STATUS_LABELS
from coachready.certs.models import CertificationRecord
from coachready.certs.services import verification
from coachready.certs.services.path import default_target, plan_for
from coachready.certs.services.readiness import person_records, verdict_for
from coachready.certs.views.common import parse_date, pick_division, today
from coachready.core.policy_words import local, local_title
from coachready.core.uploads import evidence_response
from coachready.teams.models import CoachAssignment
from coachready.teams.services import current_season


def _defaults(person, as_of):  # noqa: ANN001
    """The division and role the person coaches now (or was last proposed for)."""
    live = (
        CoachAssignment.objects.filter(person=person, team__season__ends_on__gte=as_of)
        .exclude(status=CoachAssignment.Status.ENDED)
        .select_related("team")
        .order_by("-assigned_at")
        .first()
    )
    if live is not None:
        return live.team.division, live.role
    coach_role = person.roles.exclude(division="").filter(role__in=["coach", "assistant_coach"]).first()
    if coach_role is not None:
        return coach_role.division, "assistant_coach" if coach_role.role == "assistant_coach" else "head_coach"
    return None, "head_coach"


def _choice(request, person, policy, as_of):  # noqa: ANN001
    """Division and role from the query string ("what if I coached 12U?")."""
    default_division, default_role = _defaults(person, as_of)
    asked = request.GET.get("division", "")
    division = pick_division(policy, asked)
    error = (_("“%(asked)s” is not a division; showing your own.") % {"asked": asked[:20]}
             if asked and division is None else "")
    division = division or pick_division(policy, default_division) or ("10U" if "10U" in policy.divisions
                                                                        else policy.divisions[0])
    role = request.GET.get("role", "")
    if role not in policy.roles:
        role = default_role if default_role in policy.roles else next(iter(policy.roles))
    return division, role, error


def _pending_codes(person) -> set[str]:  # noqa: ANN001
    return set(
        CertificationRecord.objects.filter(person=person, status=CertificationRecord.Status.PENDING)
        .values_list("requirement", flat=True)
    )


@login_required
def checklist(request):
    person = my_person(request.user)
    policy = person.home_region.policy()
    as_of = today()
    division, role, error = _choice(request, person, policy, as_of)
    records = person_records(person)
    verdict = verdict_for(person, division, role, as_of, policy=policy, records=records)
    pending = _pending_codes(person)
    # Counted as the path page counts them (prerequisites included), so the
    # two pages never disagree.
    plan = plan_for(person, division, role, as_of, policy=policy, records=records, with_offers=False)
    items = []
    for status in verdict.requirements:
        spec = policy.requirements[status.code]
        if status.status == "met":
            shown = "due_soon" if status.due_soon else "met"
        else:
            shown = "pending" if status.code in pending else status.status
        items.append({"status": status, "spec": spec, "shown": shown, "label": STATUS_LABELS[shown],
                      "may_upload": spec.reportable and shown not in ("met", "pending")})
    return render(request, "certs/checklist.html", {
        "person": person, "policy": policy, "verdict": verdict, "items": items, "division": division,
        "role": role, "role_title": local(policy.roles[role], "title"), "division_error": error, "as_of": as_of,
        "steps_to_go": plan.count,
    })


@login_required
def path(request):
    person = my_person(request.user)
    region = person.home_region
    policy = region.policy()
    as_of = today()
    division, role, error = _choice(request, person, policy, as_of)
    target = parse_date(request.GET.get("target"))
    target_error = ""
    if request.GET.get("target") and (target is None or target < as_of):
        target_error = _("Give a target date from today on (YYYY-MM-DD).")
        target = None
    if target is None:
        target, season = default_target(region, as_of)
    else:
        season = current_season(region, as_of)
    plan = plan_for(person, division, role, as_of, policy=policy, target=target, season=season,
                    pending=_pending_codes(person))
    return render(request, "certs/path.html", {
        "person": person, "policy": policy, "division": division, "role": role, "target": target,
        "season": season, "steps": plan.steps, "division_error": error, "target_error": target_error,
        "as_of": as_of,
    })


@login_required
def upload(request):
    person = my_person(request.user)
    policy = person.home_region.policy()
    as_of = today()
    form = UploadForm(request.POST or None, request.FILES or None, policy=policy, today=as_of,
                      initial={"requirement": request.GET.get("requirement", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            verification.submit_upload(person, data["requirement"], data["completed_on"], data["evidence"],
                                       user=request.user, today=as_of)
        except verification.DecisionError as exc:
            form.add_error("requirement", str(exc))
        else:
            messages.success(request, _("Thank you. Your %(title)s certificate is pending verification by "
                                        "the region.") % {"title": local_title(policy, data["requirement"])})
            return redirect("certs:history")
    recorded_by_region = [spec for spec in policy.requirements.values()
                          if not spec.reportable and spec.kind == "coach_course"]
    checks = [spec for spec in policy.requirements.values()
              if not spec.reportable and spec.kind != "coach_course"]
    return render(request, "certs/upload.html", {
        "form": form, "person": person, "courses": recorded_by_region, "checks": checks,
    })


@login_required
def history(request):
    from coachready.rules import counts_on, record_valid_until

    person = my_person(request.user)
    policy = person.home_region.policy()
    as_of = today()
    rows = []
    records = CertificationRecord.objects.filter(person=person).select_related("verified_by__person")
    for record in records.order_by("-completed_on", "-pk"):
        spec = policy.requirements.get(record.requirement)
        until = record_valid_until(record.completed_on, record.valid_until, spec.validity_months if spec else None)
        counting = record.status == CertificationRecord.Status.VERIFIED and counts_on(record.completed_on, until,
                                                                                      as_of)
        rows.append({"record": record, "title": local_title(policy, record.requirement), "until": until,
                     "counting": counting,
                     "lapsed": record.status == CertificationRecord.Status.VERIFIED and until is not None
                     and until < as_of})
    return render(request, "certs/history.html", {"person": person, "rows": rows, "as_of": as_of})


@login_required
def evidence(request, pk: int):
    """An evidence file, for its owner and their region's administrators only."""
    record = get_record_for(request.user, pk)
    if not record.evidence:
        raise Http404("This record has no file.")
    try:
        return evidence_response(record.evidence, download_name=f"record-{record.pk}")
    except (FileNotFoundError, OSError):
        raise Http404("The file is missing.") from None
    except ValueError:
        raise PermissionDenied("This file cannot be shown.") from None
