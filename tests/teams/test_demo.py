"""The demo season: teams, ready coaches, a few overrides, a pending queue."""

from __future__ import annotations

import pytest

from coachready.certs.models import CertificationRecord
from coachready.certs.services.readiness import season_rows
from coachready.core.demo import load_demo
from coachready.teams.models import CoachAssignment, Season


@pytest.fixture
def only_our_demos(monkeypatch):
    """Run the core demo with only the certs and teams loaders: other apps'
    demos are tested by their own suites."""
    from coachready.core import hooks

    ours = {"coachready.certs.demo", "coachready.teams.demo"}
    every_demo = hooks.app_modules

    def only_ours(name):
        return (module for module in every_demo(name) if module.__name__ in ours)

    monkeypatch.setattr(hooks, "app_modules", only_ours)


@pytest.mark.django_db
def test_demo_season_tells_the_story(settings, tmp_path, only_our_demos):
    settings.MEDIA_ROOT = tmp_path
    ctx = load_demo(volunteers=300)
    season = Season.objects.get(region=ctx.region, membership_year=2026)
    assert season.teams.count() == 60
    rows = season_rows(season, ctx.anchor)
    overridden = [r for r in rows if r.overridden]
    assert overridden and all(not r.eligible for r in overridden)
    assert all(r.eligible for r in rows if not r.overridden and r.assignment_status == "active")
    coach = CoachAssignment.objects.get(person=ctx.personas["coach"])
    assert coach.status == "pending"
    pending = CertificationRecord.objects.filter(status="pending", person__home_region=ctx.region)
    assert pending.count() == 6
    assert all(r.evidence for r in pending)
