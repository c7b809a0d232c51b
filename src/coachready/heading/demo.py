"""Demo heading logs: a Region 60 14U team's first practice weeks, one of
them over the weekly heading minutes, so the log, the week view and the
region summary have something to show. The demo coach helps that team (a
pending assistant), so signing in as the coach shows the log."""

from __future__ import annotations

from datetime import date

from coachready.heading.services.practices import add_player, log_practice
from coachready.teams.models import CoachAssignment, Season, Team

PLAYER_NAMES = ("Ana", "Ben", "Chloe", "Diego", "Emma", "Felix", "Gia", "Hugo", "Iris", "Jun", "Kai", "Lena")
# (date, heading minutes): the week of 2026-09-07 adds up to 35 minutes.
PRACTICES = (
    (date(2026, 8, 25), 10), (date(2026, 8, 27), 10),
    (date(2026, 9, 1), 15), (date(2026, 9, 3), 10),
    (date(2026, 9, 8), 20), (date(2026, 9, 10), 15),
)


def demo_team(ctx, division: str, name: str) -> Team:  # noqa: ANN001 - DemoContext
    """A Region 60 team of `division` in the MY2026 fall season: the teams
    demo's first one when it has made them, else one of our own."""
    season = Season.objects.filter(region=ctx.region, membership_year=2026, term=Season.Term.FALL).first()
    if season is None:
        season, _ = Season.objects.get_or_create(
            region=ctx.region, membership_year=2026, term=Season.Term.FALL,
            defaults={"starts_on": date(2026, 8, 15), "first_game_on": date(2026, 9, 12),
                      "ends_on": date(2026, 12, 12)},
        )
    team = Team.objects.filter(season=season, division=division).order_by("name").first()
    if team is None:
        team, _ = Team.objects.get_or_create(season=season, name=name, defaults={"division": division})
    return team


def load(ctx) -> None:  # noqa: ANN001 - DemoContext
    team = demo_team(ctx, "14U", "14U Heading Demo")
    coach = ctx.personas["coach"]
    if not CoachAssignment.objects.filter(team=team, person=coach).exclude(status="ended").exists():
        CoachAssignment.objects.create(team=team, person=coach, role="assistant_coach",
                                       status=CoachAssignment.Status.PENDING)
    players = [add_player(team, name) for name in PLAYER_NAMES]
    rng = ctx.rng
    for day, minutes in PRACTICES:
        # Headers per player in proportion to the minutes; one player in the
        # long week heads more than the warning level.
        headers = {p: rng.randint(minutes // 5, minutes // 2) for p in players}
        if day == date(2026, 9, 10):
            headers[players[0]] = 9
        log_practice(team, day=day, heading_minutes=minutes, headers=headers,
                     note="Heading drill: throw-ins and headers at the far post.", user=coach.user)
