"""What the kit keeps of the signed-in coach's own: their teams' rosters
and the practices of this week and last (for the practice-limit check
offline), and this week's School Yard session of their plans."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from coachready.heading.access import coached_teams
from coachready.heading.models import Player, Practice
from coachready.heading.services.review import week_start
from coachready.schoolyard.access import own_plans
from coachready.schoolyard.services import rows
from coachready.teams.labels import team_label
from coachready.teams.models import Team


def _sessions(practices) -> list[dict[str, Any]]:  # noqa: ANN001
    return [
        {"date": p.date.isoformat(), "heading_minutes": p.heading_minutes,
         "headers": {h.player.local_id: h.headers for h in p.headers.all()}}
        for p in practices
    ]


def team_week(team: Team, week_of: date) -> dict[str, Any]:
    """The team's stored practices of one week, as the rules' sessions."""
    practices = (Practice.objects.filter(team=team, date__gte=week_of, date__lt=week_of + timedelta(days=7))
                 .prefetch_related("headers__player"))
    return {"week_of": week_of.isoformat(), "sessions": _sessions(practices)}


def _team(team: Team, today: date) -> dict[str, Any]:
    this_week = week_start(today)
    return {
        "id": team.pk,
        "label": team_label(team),
        "division": team.division,
        "players": [{"id": p.local_id, "name": p.display_name}
                    for p in Player.objects.filter(team=team, active=True)],
        "weeks": [team_week(team, this_week - timedelta(days=7)), team_week(team, this_week)],
    }


def _schoolyard(user, today: date) -> list[dict[str, Any]]:  # noqa: ANN001
    """Per plan, the session of this week (Monday to Sunday), else the next one."""
    found = []
    monday = week_start(today)
    for plan in own_plans(user).order_by("start", "pk"):
        planned = rows(plan)
        row = next((r for r in planned if monday <= r.session.date < monday + timedelta(days=7)), None)
        row = row or next((r for r in planned if r.session.date >= today), None)
        if row is None:
            continue
        session = row.session.to_dict()
        session.pop("note", None)  # words of its own; the page says it in the reader's language
        found.append({
            "plan": plan.title, "team": team_label(plan.team) if plan.team_id else "",
            "sessions": len(planned), "this_week": monday <= row.session.date < monday + timedelta(days=7),
            "session": session, "done": row.done, "note": row.note,
        })
    return found


def document(user, today: date) -> dict[str, Any]:  # noqa: ANN001
    if not getattr(user, "is_authenticated", False):
        return {"signed_in": False}
    teams = coached_teams(user).filter(season__ends_on__gte=today - timedelta(days=14)).exclude(division="schoolyard")
    return {
        "signed_in": True,
        # Whose practices wait on the phone: another account signed in on
        # the same phone does not send them as its own.
        "owner": user.pk,
        "as_of": today.isoformat(),
        "teams": [_team(team, today) for team in teams.order_by("division", "name")],
        "schoolyard": _schoolyard(user, today),
    }
