"""Seasons, teams and the coach assignment gate.

Assigning a coach asks the readiness service for the person's verdict in the
team's division: an eligible coach is assigned; one who is not is refused
with the reasons, unless an administrator overrides with a written reason
(audited as `teams.assignment.overridden`). Every write is one transaction
with its audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coachready.certs.services.readiness import verdict_for
from coachready.certs.services.versions import bump_readiness_version
from coachready.org.audit import log_action
from coachready.org.models import Person, Region
from coachready.org.names import name_order
from coachready.teams.labels import division_label
from coachready.teams.models import CoachAssignment, Season, Team


class AssignmentRefused(Exception):
    """The coach may not be assigned; `verdict` says why (None for other reasons)."""

    def __init__(self, message: str, verdict: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.verdict = verdict


def current_season(region: Region, as_of: date) -> Season | None:
    """The season running on `as_of`, else the next to start, else the latest."""
    seasons = Season.objects.filter(region=region)
    running = seasons.filter(starts_on__lte=as_of, ends_on__gte=as_of).order_by("-starts_on").first()
    if running is not None:
        return running
    upcoming = seasons.filter(starts_on__gt=as_of).order_by("starts_on").first()
    return upcoming or seasons.order_by("-ends_on").first()


@transaction.atomic
def create_season(region: Region, *, membership_year: int, term: str, starts_on: date, first_game_on: date,
                  ends_on: date, user: Any) -> Season:
    season = Season(region=region, membership_year=membership_year, term=term, starts_on=starts_on,
                    first_game_on=first_game_on, ends_on=ends_on)
    season.full_clean()
    season.save()
    bump_readiness_version([region.pk])
    log_action("teams.season.created", user=user, obj=season, region=region,
               summary=f"Season {season} ({starts_on} to {ends_on})",
               data={"membership_year": membership_year, "term": term, "starts_on": starts_on,
                     "first_game_on": first_game_on, "ends_on": ends_on})
    return season


@transaction.atomic
def create_team(season: Season, *, division: str, name: str, user: Any) -> Team:
    team = Team(season=season, division=division, name=name)
    team.full_clean()
    team.save()
    bump_readiness_version([season.region_id])
    log_action("teams.team.created", user=user, obj=team, region=season.region_id,
               summary=f"Team {team} in {season}", data={"season": season.pk, "division": division, "name": name})
    return team


@dataclass(frozen=True)
class AssignmentResult:
    assignment: CoachAssignment
    verdict: Any
    overridden: bool


@transaction.atomic
def assign_coach(team: Team, person: Person, role: str, *, user: Any, as_of: date,
                 override_reason: str = "") -> AssignmentResult:
    """Assign `person` to `team` as `role` if the engine finds them eligible
    on `as_of`; otherwise only with `override_reason` (an administrator's
    written reason), which is audited and keeps the team "coach not ready"."""
    verdict = verdict_for(person, team.division, role, as_of, policy=team.season.region.policy())
    override_reason = override_reason.strip()
    if not verdict.eligible and not override_reason:
        raise AssignmentRefused(_("%(name)s is not ready to coach %(division)s.") % {
            "name": person.display_name, "division": division_label(team.division)}, verdict)
    live = CoachAssignment.objects.filter(team=team).exclude(status=CoachAssignment.Status.ENDED)
    if live.filter(person=person).exists():
        raise AssignmentRefused(_("%(name)s is already on this team.") % {"name": person.display_name})
    head_taken = live.filter(role=role, status=CoachAssignment.Status.ACTIVE).exists()
    if role == CoachAssignment.Role.HEAD_COACH and head_taken:
        raise AssignmentRefused(_("The team already has a head coach; end that assignment first."))
    overridden = not verdict.eligible
    try:
        with transaction.atomic():
            assignment = CoachAssignment.objects.create(
                team=team, person=person, role=role, status=CoachAssignment.Status.ACTIVE,
                override_reason=override_reason if overridden else "",
                overridden_by=user if overridden else None, assigned_by=user,
            )
    except IntegrityError:
        raise AssignmentRefused(_("Someone else changed this team's coaches just now; try again.")) from None
    region = team.season.region_id
    bump_readiness_version([region])
    data = {"team": team.pk, "person": person.pk, "role": role, "eligible": verdict.eligible,
            "unmet": list(verdict.unmet)}
    log_action("teams.assignment.created", user=user, obj=assignment, region=region,
               summary=f"{person.display_name}: {assignment.get_role_display()} of {team}", data=data)
    if overridden:
        log_action("teams.assignment.overridden", user=user, obj=assignment, region=region,
                   summary=f"{person.display_name} assigned to {team} while not ready: {override_reason[:150]}",
                   data={**data, "reason": override_reason})
    return AssignmentResult(assignment, verdict, overridden)


@transaction.atomic
def end_assignment(assignment: CoachAssignment, *, user: Any, on: date) -> CoachAssignment:
    """End an assignment (kept, never deleted)."""
    if assignment.status == CoachAssignment.Status.ENDED:
        raise AssignmentRefused(_("This assignment has already ended."))
    assignment.status = CoachAssignment.Status.ENDED
    assignment.ended_on = on
    assignment.save(update_fields=["status", "ended_on"])
    bump_readiness_version([assignment.team.season.region_id])
    log_action("teams.assignment.ended", user=user, obj=assignment, region=assignment.team.season.region_id,
               summary=f"{assignment.person.display_name} no longer {assignment.get_role_display().lower()} "
               f"of {assignment.team}", data={"ended_on": on})
    from coachready.passes.services import reconsider

    reconsider(assignment.person, "role_ended", user=user)
    return assignment


def team_readiness(season: Season, as_of: date) -> list[dict[str, Any]]:
    """Every team of the season with its coaches' readiness, in a fixed
    number of queries: the teams, and the season's readiness rows (from the
    dashboard's cache when nothing changed since they were evaluated)."""
    from coachready.certs.services.dashboard import season_readiness

    region = season.region
    rows = season_readiness(region, season, as_of, region.policy()).rows
    teams = list(Team.objects.filter(season=season).order_by("division", "name"))
    by_team: dict[int, list] = {}
    for row in rows:
        by_team.setdefault(row.team_id, []).append(row)
    result = []
    for team in teams:
        coaches = by_team.get(team.pk, [])
        has_head = any(r.role == "head_coach" and r.assignment_status == "active" for r in coaches)
        ready = bool(coaches) and has_head and all(r.eligible for r in coaches)
        result.append({"team": team, "coaches": coaches, "has_head": has_head, "ready": ready,
                       "not_ready": [r for r in coaches if not r.eligible]})
    return result


def team_readiness_for(team: Team, as_of: date) -> list:
    """The team's current coaches with their verdicts (readiness rows)."""
    from coachready.certs.services.readiness import readiness_rows

    return readiness_rows(CoachAssignment.objects.filter(team=team), as_of)


def people_matching(region: Region, query: str, limit: int = 20):
    """Volunteers of the region matching a name or volunteer id, for the assignment form."""
    from coachready.org.search import query_words, search_people

    if not query_words(query):
        return Person.objects.none()
    return search_people(Person.objects.filter(home_region=region), query).order_by(*name_order(), "pk")[:limit]
