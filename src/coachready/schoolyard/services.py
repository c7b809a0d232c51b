"""School Yard season plans. The dates and weeks always come from the rules
engine's `plan_season`; the database keeps only the coach's choices (start,
number of sessions, skipped dates, repeated weeks) and the session marks.
Every change is one transaction with its audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from coachready.org.audit import log_action
from coachready.org.models import Person
from coachready.rules.schoolyard import SeasonPlan as EnginePlan
from coachready.rules.schoolyard import Session, plan_season
from coachready.schoolyard.models import MAX_SESSIONS, PlanSession, SeasonPlan
from coachready.teams.models import Team


def engine_plan(plan: SeasonPlan) -> EnginePlan:
    """The plan's sessions, from the engine."""
    return plan_season(plan.start, plan.sessions, [date.fromisoformat(d) for d in plan.skip], list(plan.repeat))


def check(start: date, sessions: int, skip: list[date], repeat: list[int]) -> EnginePlan:
    """The engine's plan for these choices; raises the engine's InputError
    (with the path of the bad value, `skip[1]`) when they make no plan."""
    return plan_season(start, sessions, skip, repeat)


@dataclass(frozen=True)
class Row:
    """A planned session with the coach's mark."""

    session: Session
    done: bool
    note: str


def rows(plan: SeasonPlan, *, engine: EnginePlan | None = None) -> list[Row]:
    engine = engine or engine_plan(plan)
    marks = {m.number: m for m in plan.marks.all()}
    return [
        Row(s, marks[s.number].done if s.number in marks else False, marks[s.number].note if s.number in marks else "")
        for s in engine.sessions
    ]


@transaction.atomic
def create_plan(
    *, owner: Person, team: Team | None, title: str, start: date, sessions: int,
    skip: list[date], start_time: time | None = None, end_time: time | None = None, place: str = "",
    user: Any = None,
) -> SeasonPlan:
    """A new season plan for `owner` (and `team`, a School Yard team)."""
    check(start, sessions, skip, [])
    region = team.season.region if team is not None else owner.home_region
    plan = SeasonPlan(
        owner=owner, team=team, region=region, title=title.strip(), start=start, sessions=sessions,
        skip=sorted({d.isoformat() for d in skip}), repeat=[],
        start_time=start_time, end_time=end_time, place=place.strip(),
    )
    plan.full_clean()
    plan.save()
    log_action(
        "schoolyard.plan.created", user=user, obj=plan, region=region,
        summary=f"School Yard plan '{plan.title}': {sessions} sessions from {start}",
        data={"start": start, "sessions": sessions, "skip": plan.skip, "team": team.pk if team else None},
    )
    return plan


@transaction.atomic
def update_plan(plan: SeasonPlan, *, title: str, start: date, sessions: int, skip: list[date],
                repeat: list[int], start_time: time | None = None, end_time: time | None = None,
                place: str = "", user: Any = None) -> SeasonPlan:
    """Change the plan's dates, length, skipped dates or repeated weeks."""
    check(start, sessions, skip, repeat)
    before = {"title": plan.title, "start": plan.start, "sessions": plan.sessions, "skip": plan.skip,
              "repeat": plan.repeat, "start_time": plan.start_time, "end_time": plan.end_time, "place": plan.place}
    plan.title, plan.start, plan.sessions = title.strip(), start, sessions
    plan.start_time, plan.end_time, plan.place = start_time, end_time, place.strip()
    plan.skip = sorted({d.isoformat() for d in skip})
    plan.repeat = list(repeat)
    plan.full_clean()
    plan.save()
    after = {"title": plan.title, "start": plan.start, "sessions": plan.sessions, "skip": plan.skip,
             "repeat": plan.repeat, "start_time": plan.start_time, "end_time": plan.end_time, "place": plan.place}
    changed = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    log_action(
        "schoolyard.plan.updated", user=user, obj=plan, region=plan.region_id,
        summary=f"School Yard plan '{plan.title}' changed ({', '.join(sorted(changed)) or 'no change'})",
        data=changed,
    )
    return plan


class PlanFull(Exception):
    """A repeat would push a curriculum week off a plan at its longest."""


@transaction.atomic
def repeat_week(plan: SeasonPlan, week: int, *, user: Any = None) -> SeasonPlan:
    """Run curriculum `week` once more; the sessions after it shift a week.

    A repeat never pushes another week out of the season: when the plan
    held every week it held before, it grows by a session (to the festival
    in week 10); at the longest season allowed it raises PlanFull instead.
    """
    skip = [date.fromisoformat(d) for d in plan.skip]
    before = check(plan.start, plan.sessions, skip, plan.repeat)
    repeat = [*plan.repeat, week]
    sessions = plan.sessions
    after = check(plan.start, sessions, skip, repeat)
    if set(after.left_out) - set(before.left_out):
        if sessions >= MAX_SESSIONS:
            raise PlanFull(gettext(
                "Repeating week %(week)s would leave out week %(left_out)s, and the plan already has the most "
                "sessions a season may have (%(limit)s). Run another week once less first."
            ) % {"week": week, "left_out": max(after.left_out), "limit": MAX_SESSIONS})
        sessions += 1
        check(plan.start, sessions, skip, repeat)
    plan.repeat, plan.sessions = repeat, sessions
    plan.save(update_fields=["repeat", "sessions", "updated_at"])
    log_action(
        "schoolyard.plan.week_repeated", user=user, obj=plan, region=plan.region_id,
        summary=f"School Yard plan '{plan.title}': week {week} repeated"
        + (", one session added so no week is left out" if sessions != len(before.sessions) else ""),
        data={"week": week, "repeat": repeat, "sessions": sessions},
    )
    return plan


@transaction.atomic
def drop_repeat(plan: SeasonPlan, week: int, *, user: Any = None) -> SeasonPlan:
    """Undo one repeat of curriculum `week`; the later sessions move back."""
    if week not in plan.repeat:
        raise ValueError(gettext("Week %(week)s is not repeated in this plan.") % {"week": week})
    repeat = list(plan.repeat)
    del repeat[len(repeat) - 1 - repeat[::-1].index(week)]
    plan.repeat = repeat
    plan.save(update_fields=["repeat", "updated_at"])
    log_action(
        "schoolyard.plan.repeat_dropped", user=user, obj=plan, region=plan.region_id,
        summary=f"School Yard plan '{plan.title}': week {week} no longer repeated",
        data={"week": week, "repeat": repeat},
    )
    return plan


@transaction.atomic
def mark_session(plan: SeasonPlan, number: int, *, done: bool, note: str, user: Any = None) -> PlanSession:
    """Mark session `number` done (or not) with a note."""
    if not 1 <= number <= plan.sessions:
        raise ValueError(gettext("The plan has sessions 1 to %(last)s.") % {"last": plan.sessions})
    mark, _ = PlanSession.objects.select_for_update().get_or_create(plan=plan, number=number)
    before = {"done": mark.done, "note": mark.note}
    mark.done, mark.note = done, note.strip()
    mark.full_clean()
    mark.save()
    log_action(
        "schoolyard.session.marked", user=user, obj=plan, region=plan.region_id,
        summary=f"School Yard plan '{plan.title}': session {number} {'done' if done else 'not done'}",
        data={"number": number, "done": [before["done"], done], "note": [before["note"], mark.note]},
    )
    return mark
