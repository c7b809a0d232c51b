"""Demo data for teams: Region 60's MY2026 fall season with about sixty
teams. Coaches are assigned only when the engine finds them ready, except a
few overridden ones (so the team list shows "coach not ready"). The demo
coach persona is a pending assistant: one course short of ready."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from coachready.certs.services.records import rule_records_where
from coachready.teams.models import CoachAssignment, Season, Team

TEAMS_PER_DIVISION = (
    ("schoolyard", 6), ("6U", 8), ("8U", 10), ("10U", 10), ("12U", 10), ("14U", 8), ("16U", 5), ("19U", 3),
)
COLOURS = ("Blue", "Red", "Green", "Gold", "Silver", "Orange", "Purple", "Black", "White", "Navy", "Teal", "Maroon")
MASCOTS = ("Comets", "Lightning", "Sharks", "Tigers", "Falcons", "Dragons", "Rockets", "Stars", "Wolves", "Hawks",
           "Pumas", "Cobras")
OVERRIDE_REASON = "Enrolled in the coach course before the first game; no other volunteer for this team."


def load(ctx) -> None:  # noqa: ANN001 - coachready.core.demo.DemoContext
    from coachready.rules import evaluate

    region, rng, as_of = ctx.region, ctx.rng, ctx.anchor
    policy = region.policy()
    season = Season.objects.create(
        region=region, membership_year=2026, term=Season.Term.FALL, starts_on=date(2026, 8, 1),
        first_game_on=date(2026, 9, 12), ends_on=date(2026, 12, 13),
    )
    names = [f"{c} {m}" for c in COLOURS for m in MASCOTS]
    rng.shuffle(names)
    teams = Team.objects.bulk_create(
        Team(season=season, division=division, name=f"{division} {names.pop()}")
        for division, count in TEAMS_PER_DIVISION for _ in range(count)
    )
    people = [p for p in ctx.people if p.home_region_id == region.pk]
    records = rule_records_where(Q(person__home_region=region))
    used: set[int] = set()
    admin = ctx.personas["rca"].user
    assignments = []
    overrides = 0
    for team in teams:
        ready = [p for p in people if p.pk not in used
                 and evaluate(records.get(p.pk, ()), team.division, "head_coach", as_of, policy).eligible]
        if ready:
            head = ready[0]
            used.add(head.pk)
            assignments.append(CoachAssignment(team=team, person=head, role="head_coach", assigned_by=admin))
            if len(ready) > 1 and rng.random() < 0.5:
                assistant = ready[1]
                used.add(assistant.pk)
                assignments.append(CoachAssignment(team=team, person=assistant, role="assistant_coach",
                                                   assigned_by=admin))
        elif overrides < 4:
            head = next(p for p in people if p.pk not in used)
            used.add(head.pk)
            overrides += 1
            assignments.append(CoachAssignment(team=team, person=head, role="head_coach", assigned_by=admin,
                                               override_reason=OVERRIDE_REASON, overridden_by=admin))
    coach_team = next(t for t in teams if t.division == "10U")
    assignments.append(CoachAssignment(team=coach_team, person=ctx.personas["coach"], role="assistant_coach",
                                       status=CoachAssignment.Status.PENDING, assigned_by=admin))
    CoachAssignment.objects.bulk_create(assignments)
