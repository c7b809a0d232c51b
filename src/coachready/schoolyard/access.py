"""Who may see and change a School Yard season plan: its owner, and the
administrators whose roles cover the plan's region. Deny by default."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from coachready.org.access import can_admin_region
from coachready.schoolyard.models import SeasonPlan
from coachready.teams.models import CoachAssignment, Team


def own_plans(user) -> QuerySet[SeasonPlan]:
    if not getattr(user, "is_authenticated", False):
        return SeasonPlan.objects.none()
    return SeasonPlan.objects.filter(owner__user=user, archived=False).select_related("team")


def get_plan_for(user, pk: int) -> SeasonPlan:
    """A plan `user` may see and change."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("Sign in first.")
    try:
        plan = SeasonPlan.objects.select_related("owner__user", "team", "region__area__section").get(pk=pk)
    except SeasonPlan.DoesNotExist:
        raise Http404("No such plan.") from None
    if plan.owner.user_id is not None and plan.owner.user_id == user.pk:
        return plan
    if can_admin_region(user, plan.region):
        return plan
    raise PermissionDenied("Only the plan's coach and the region's administrators may open it.")


def schoolyard_teams_for(user) -> QuerySet[Team]:
    """School Yard teams `user` coaches (active or pending), for a new plan."""
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    return (
        Team.objects.filter(
            division="schoolyard", assignments__person__user=user,
            assignments__status__in=(CoachAssignment.Status.ACTIVE, CoachAssignment.Status.PENDING),
        )
        .select_related("season__region")
        .distinct()
    )
