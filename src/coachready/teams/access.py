"""The access layer for seasons, teams and coach assignments: the region's
administrators (through coachready.org.access) and nobody else."""

from __future__ import annotations

from django.http import Http404

from coachready.org.access import get_region_for
from coachready.teams.models import CoachAssignment, Season, Team


def get_season_for(user, number: int, pk: int) -> Season:
    region = get_region_for(user, number)
    try:
        return Season.objects.select_related("region").get(pk=pk, region=region)
    except (Season.DoesNotExist, ValueError, TypeError):
        raise Http404("No such season in this region.") from None


def get_team_for(user, number: int, pk: int) -> Team:
    region = get_region_for(user, number)
    try:
        return Team.objects.select_related("season__region").get(pk=pk, season__region=region)
    except (Team.DoesNotExist, ValueError, TypeError):
        raise Http404("No such team in this region.") from None


def get_assignment_for(user, number: int, team_pk: int, pk: int) -> CoachAssignment:
    team = get_team_for(user, number, team_pk)
    try:
        return CoachAssignment.objects.select_related("person", "team__season").get(pk=pk, team=team)
    except (CoachAssignment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such assignment on this team.") from None
