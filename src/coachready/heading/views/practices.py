"""A team's practice heading log: the coach logs and corrects practices,
region administrators look. Lookups go through coachready.heading.access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.heading import access
from coachready.heading.forms import PlayerForm, PracticeForm
from coachready.heading.models import Player
from coachready.heading.services import practices as services
from coachready.heading.services.review import team_weeks


@login_required
def my_teams(request):
    teams = access.coached_teams(request.user).order_by("-season__starts_on", "division", "name")
    return render(request, "heading/my_teams.html", {"teams": teams})


@login_required
def team_log(request, team_id: int):
    team = access.get_team_for(request.user, team_id)
    policy = team.season.region.policy()
    players = Player.objects.filter(team=team, active=True)
    names = {p.local_id: p.display_name for p in Player.objects.filter(team=team)}
    weeks = [(week, week.player_totals(names)) for week in team_weeks(team, policy)]
    return render(request, "heading/team_log.html", {
        "team": team,
        "rules": policy.division_rules.get(team.division),
        "limits": policy.heading,
        "weeks": weeks,
        "players": players,
        "can_log": access.coaches_team(request.user, team),
        "player_form": PlayerForm(),
    })


@login_required
@require_POST
def add_player(request, team_id: int):
    team = access.get_team_for(request.user, team_id, write=True)
    form = PlayerForm(request.POST)
    if form.is_valid():
        try:
            player = services.add_player(team, form.cleaned_data["display_name"], user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(name)s added as %(id)s.") % {"name": player.display_name,
                                                                          "id": player.local_id})
    else:
        messages.error(request, _("Enter the player's display name (up to 40 characters)."))
    return redirect("heading:team_log", team_id=team.pk)


def _practice_form(request, team, practice=None):
    """The practice form for a team already checked with write=True."""
    players = Player.objects.filter(team=team, active=True)
    initial = None
    if practice is not None:
        counts = {h.player_id: h.headers for h in practice.headers.all()}
        # A player taken off the roster since keeps their count in the form,
        # so a correction does not drop it.
        players = Player.objects.filter(Q(active=True) | Q(pk__in=list(counts)), team=team)
        initial = {"date": practice.date, "heading_minutes": practice.heading_minutes, "note": practice.note,
                   **{f"headers_{pid}": n for pid, n in counts.items()}}
    data = request.POST if request.method == "POST" else None
    return PracticeForm(data, team=team, players=players, initial=initial)


@login_required
def log_practice(request, team_id: int):
    team = access.get_team_for(request.user, team_id, write=True)
    form = _practice_form(request, team)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.log_practice(team, day=data["date"], heading_minutes=data["heading_minutes"],
                              headers=form.headers(), note=data["note"], user=request.user)
        messages.success(request, _("Practice of %(day)s logged.") % {"day": date_format(data["date"], "l, F j")})
        return redirect("heading:team_log", team_id=team.pk)
    return render(request, "heading/practice_form.html", {"team": team, "form": form, "practice": None})


@login_required
def correct_practice(request, team_id: int, pk: int):
    team = access.get_team_for(request.user, team_id, write=True)
    practice = access.get_practice_for(request.user, team, pk)
    form = _practice_form(request, team, practice)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.correct_practice(practice, day=data["date"], heading_minutes=data["heading_minutes"],
                                  headers=form.headers(), note=data["note"], user=request.user)
        messages.success(request, _("Practice corrected."))
        return redirect("heading:team_log", team_id=team.pk)
    return render(request, "heading/practice_form.html", {"team": team, "form": form, "practice": practice})


@login_required
@require_POST
def retire_player(request, team_id: int, pk: int):
    """Take a player off the roster: past headers stay in the log."""
    team = access.get_team_for(request.user, team_id, write=True)
    player = access.get_player_for(request.user, team, pk)
    services.retire_player(player, user=request.user)
    messages.success(request, _("%(name)s is off the roster; their past headers stay in the log.")
                     % {"name": player.display_name})
    return redirect("heading:team_log", team_id=team.pk)
