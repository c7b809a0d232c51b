"""Who may see and log a team's heading practices, and who sees a region's
summary. Built on coachready.org.access; deny by default.

A team's coaches (an active or pending coach assignment) log and correct its
practices. Administrators whose roles cover the team's region may look but
not log: the log is the coach's own account of the practice.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from coachready.heading.models import Player, Practice
from coachready.org.access import can_admin_region, get_region_for
from coachready.org.models import Region, Role
from coachready.teams.models import CoachAssignment, Team

# The region summary is for the people who answer for player safety and for
# coaches: the safety advocate, the RCA and the RC.
SUMMARY_ROLES = frozenset(
    {Role.SAFETY_ADVOCATE, Role.REGIONAL_COACH_ADMINISTRATOR, Role.REGIONAL_COMMISSIONER}
)
_COACHING = (CoachAssignment.Status.ACTIVE, CoachAssignment.Status.PENDING)


def coached_teams(user) -> QuerySet[Team]:
    """Teams `user` coaches now (active or pending assignment)."""
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    return (
        Team.objects.filter(assignments__person__user=user, assignments__status__in=_COACHING)
        .select_related("season__region")
        .distinct()
    )


def coaches_team(user, team: Team) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return CoachAssignment.objects.filter(team=team, person__user=user, status__in=_COACHING).exists()


def get_team_for(user, team_id: int, *, write: bool = False) -> Team:
    """The team whose heading log `user` may see (or write, with write=True)."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("Sign in first.")
    try:
        team = Team.objects.select_related("season__region__area__section").get(pk=team_id)
    except Team.DoesNotExist:
        raise Http404("No such team.") from None
    if coaches_team(user, team):
        return team
    if not write and can_admin_region(user, team.season.region):
        return team
    raise PermissionDenied("Only the team's coaches may log its practices.")


def get_practice_for(user, team: Team, practice_id: int) -> Practice:
    """A practice of a team already resolved through get_team_for."""
    try:
        return Practice.objects.get(pk=practice_id, team=team)
    except Practice.DoesNotExist:
        raise Http404("No such practice.") from None


def get_player_for(user, team: Team, player_id: int) -> Player:
    """A player of a team already resolved through get_team_for."""
    try:
        return Player.objects.get(pk=player_id, team=team)
    except Player.DoesNotExist:
        raise Http404("No such player.") from None


def get_summary_region_for(user, number: int) -> Region:
    """The region whose heading summary `user` may read."""
    return get_region_for(user, number, SUMMARY_ROLES)


def may_see_summary(user, region: Region) -> bool:
    return can_admin_region(user, region, SUMMARY_ROLES)
