"""Region administration of people, roles and the audit log. Thin: every
lookup goes through coachready.org.access, every write through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.org import services
from coachready.org.access import (
    PRIVACY_ROLES,
    can_admin_region,
    can_answer_privacy_requests,
    get_person_for,
    get_region_for,
    regions_for,
)
from coachready.org.audit_words import ACTION_LABELS
from coachready.org.forms import PersonForm, RoleAssignmentForm
from coachready.org.models import AuditEntry, Person, RoleAssignment
from coachready.org.names import name_order
from coachready.org.search import MAX_QUERY, search_people
from coachready.teams.models import CoachAssignment


@login_required
def region_list(request):
    regions = regions_for(request.user)
    if not regions:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(_("You do not administer any region."))
    if len(regions) == 1:
        return redirect("org:region", number=regions[0].number)
    return render(request, "org/region_list.html", {"regions": regions})


@login_required
def region_overview(request, number: int):
    region = get_region_for(request.user, number)
    today = timezone.localdate()
    roles = (
        RoleAssignment.objects.active_on(today)
        .filter(region=region)
        .select_related("person")
        .order_by("role", *name_order("person__"), "pk")
    )
    return render(
        request,
        "org/region_overview.html",
        {"region": region, "roles": roles, "volunteer_count": Person.objects.filter(home_region=region).count(),
         "can_set_retention": can_admin_region(request.user, region, PRIVACY_ROLES)},
    )


@login_required
def people(request, number: int):
    region = get_region_for(request.user, number)
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    qs = search_people(Person.objects.filter(home_region=region), query).order_by(*name_order(), "pk")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "org/people.html", {"region": region, "page": page, "query": query})


@login_required
def person_detail(request, pk: int):
    """The volunteer's page: their whole record, and for their region's
    administrators the actions taken from it (record, verify, email, assign)."""
    from coachready.certs.forms import ApproveForm, EmailForm, ManualRecordForm, RejectForm
    from coachready.certs.services.volunteer import volunteer_overview

    person = get_person_for(request.user, pk)
    admin = can_admin_region(request.user, person.home_region)
    if admin and request.GET.get("team"):
        return _to_team(request, person)
    form = PersonForm(instance=person)
    if request.method == "POST":
        person = get_person_for(request.user, pk, write=True)
        form = PersonForm(request.POST, instance=Person.objects.get(pk=person.pk))
        if form.is_valid():
            services.update_person(person, form.cleaned_data, user=request.user)
            messages.success(request, _("Saved."))
            return redirect("org:person", pk=person.pk)
    today = timezone.localdate()
    overview = volunteer_overview(person, today, admin=admin)
    context = {"person": person, "form": form, "overview": overview, "roles": overview.roles, "admin": admin,
               "region": person.home_region, "today": today,
               "can_answer_privacy": can_answer_privacy_requests(request.user, person)}
    if admin:
        policy = overview.policy
        context.update({
            "record_form": ManualRecordForm(policy=policy, today=today),
            "email_form": EmailForm(),
            "decisions": [(line, ApproveForm(prefix=f"a{line.record.pk}", today=today,
                                             initial={"completed_on": line.record.completed_on}),
                           RejectForm(prefix=f"r{line.record.pk}")) for line in overview.pending],
            "coach_roles": CoachAssignment.Role.choices,
        })
    return render(request, "org/person.html", context)


def _to_team(request, person: Person):
    """Assign from the volunteer's page: the team's page takes over, with its
    readiness gate and override rules, the volunteer already chosen."""
    from coachready.teams.access import get_team_for

    team = get_team_for(request.user, person.home_region.number, request.GET["team"][:12])
    role = request.GET.get("role", "")
    role = role if role in CoachAssignment.Role.values else CoachAssignment.Role.HEAD_COACH
    query = urlencode({"person": person.pk, "role": role})
    return redirect(f"{reverse('teams:team', args=[person.home_region.number, team.pk])}?{query}")


@login_required
def roles(request, number: int):
    region = get_region_for(request.user, number)
    form = RoleAssignmentForm(request.POST if request.method == "POST" else None, region=region)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.assign_role(
            data["person"], data["role"], region=region,
            start_on=data["start_on"], end_on=data["end_on"], user=request.user,
        )
        messages.success(request, _("%(name)s now holds the role.") % {"name": data["person"].display_name})
        return redirect("org:roles", number=region.number)
    assignments = (
        RoleAssignment.objects.filter(region=region)
        .select_related("person")
        .order_by("role", *name_order("person__"), "-start_on", "pk")
    )
    return render(
        request,
        "org/roles.html",
        {"region": region, "form": form, "assignments": assignments, "today": timezone.localdate()},
    )


@login_required
@require_POST
def end_role(request, number: int, pk: int):
    region = get_region_for(request.user, number)
    assignment = get_object_or_404(RoleAssignment, pk=pk, region=region)
    today = timezone.localdate()
    try:
        services.end_role(assignment, end_on=max(today, assignment.start_on), user=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The role has ended."))
    return redirect("org:roles", number=region.number)


@login_required
def audit_log(request, number: int):
    region = get_region_for(request.user, number)
    entries = AuditEntry.objects.filter(region=region).select_related("actor")
    action = request.GET.get("action", "").strip()[:80]
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    choices = sorted(((code, str(label)) for code, label in ACTION_LABELS.items()), key=lambda c: c[1])
    return render(request, "org/audit.html",
                  {"region": region, "page": page, "action": action, "action_choices": choices})
