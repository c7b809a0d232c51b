"""Seasons, teams and the coach assignment gate, for region administrators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.certs.access import get_region_person
from coachready.certs.services.readiness import verdict_for
from coachready.org.access import get_region_for
from coachready.teams import services
from coachready.teams.access import get_assignment_for, get_season_for, get_team_for
from coachready.teams.forms import AssignForm, SeasonForm, TeamForm
from coachready.teams.models import CoachAssignment, Season


@login_required
def seasons(request, number: int):
    region = get_region_for(request.user, number)
    form = SeasonForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        season = services.create_season(region, user=request.user, **form.cleaned_data)
        messages.success(request, _("Season %(season)s created; add its teams.") % {"season": season})
        return redirect("teams:season", number=region.number, pk=season.pk)
    return render(request, "teams/seasons.html", {
        "region": region, "form": form, "seasons": Season.objects.filter(region=region),
    })


@login_required
def season_detail(request, number: int, pk: int):
    season = get_season_for(request.user, number, pk)
    region = season.region
    policy = region.policy()
    form = TeamForm(request.POST or None, season=season, policy=policy)
    if request.method == "POST" and form.is_valid():
        team = services.create_team(season, user=request.user, **form.cleaned_data)
        messages.success(request, _("Team %(team)s created.") % {"team": team})
        return redirect("teams:season", number=region.number, pk=season.pk)
    teams = services.team_readiness(season, timezone.localdate())
    division = request.GET.get("division", "")
    if division:
        teams = [t for t in teams if t["team"].division == division]
    ready = sum(1 for t in teams if t["ready"])
    return render(request, "teams/season.html", {
        "region": region, "season": season, "teams": teams, "form": form, "policy": policy,
        "ready_count": ready, "division": division,
    }, status=400 if form.errors else 200)


def _candidate(request, team):  # noqa: ANN001
    """The volunteer chosen on the team page (?person=pk), with their verdict."""
    pk = request.POST.get("person") or request.GET.get("person")
    if not pk:
        return None
    return get_region_person(request.user, team.season.region, pk)


@login_required
def team_detail(request, number: int, pk: int):
    team = get_team_for(request.user, number, pk)
    region = team.season.region
    policy = region.policy()
    as_of = timezone.localdate()
    candidate = _candidate(request, team)
    role = request.POST.get("role") or request.GET.get("role") or CoachAssignment.Role.HEAD_COACH
    if role not in CoachAssignment.Role.values:
        role = CoachAssignment.Role.HEAD_COACH
    form = AssignForm(request.POST or None, initial={"role": role})
    verdict = None
    refused = ""
    if candidate is not None:
        verdict = verdict_for(candidate, team.division, role, as_of, policy=policy)
    form.for_verdict(verdict)
    if request.method == "POST" and candidate is not None and form.is_valid():
        try:
            result = services.assign_coach(team, candidate, form.cleaned_data["role"], user=request.user,
                                           as_of=as_of, override_reason=form.cleaned_data.get("override_reason", ""))
        except services.AssignmentRefused as exc:
            refused = exc.message
            if exc.verdict is not None:
                verdict = exc.verdict
                if "override_reason" in form.fields:
                    form.add_error("override_reason", _("Not ready: assign only with a written override reason."))
                else:
                    form.add_error(None, exc.message)
            else:
                form.add_error(None, exc.message)
        else:
            if result.overridden:
                done = _("%(name)s assigned (override recorded; the team shows “coach not ready”).")
            else:
                done = _("%(name)s assigned.")
            messages.success(request, done % {"name": candidate.display_name})
            return redirect("teams:team", number=region.number, pk=team.pk)
    elif request.method == "POST" and candidate is None:
        form.add_error(None, _("Choose a volunteer first."))
    rows = services.team_readiness_for(team, as_of)
    query = request.GET.get("q", "")
    return render(request, "teams/team.html", {
        "region": region, "team": team, "season": team.season, "rows": rows, "form": form,
        "candidate": candidate, "verdict": verdict, "role": role, "refused": refused, "query": query,
        "matches": services.people_matching(region, query) if query else [],
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def end_assignment(request, number: int, team: int, pk: int):
    assignment = get_assignment_for(request.user, number, team, pk)
    try:
        services.end_assignment(assignment, user=request.user, on=timezone.localdate())
    except services.AssignmentRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s no longer coaches %(team)s.") % {
            "name": assignment.person.display_name, "team": assignment.team})
    return redirect("teams:team", number=number, pk=team)
