"""Demo School Yard plan: the demo coach's fall season for a Region 60
School Yard team, with Halloween skipped, week 3 run twice and the first
two sessions marked done."""

from __future__ import annotations

from datetime import date

from coachready.heading.demo import demo_team
from coachready.schoolyard import services
from coachready.teams.labels import team_label


def load(ctx) -> None:  # noqa: ANN001 - DemoContext
    coach = ctx.personas["coach"]
    team = demo_team(ctx, "schoolyard", "School Yard Little Kickers")
    plan = services.create_plan(owner=coach, team=team, title=f"{team_label(team)}: fall 2026",
                                start=date(2026, 9, 12), sessions=12, skip=[date(2026, 10, 31)], user=coach.user)
    services.repeat_week(plan, 3, user=coach.user)
    services.mark_session(plan, 1, done=True, note="Everyone had a ball; two shy kids joined in by the end.",
                          user=coach.user)
    services.mark_session(plan, 2, done=True, note="Traffic lights was the favourite.", user=coach.user)
