"""The demo loads our heading and School Yard data whether or not the teams
demo made teams first."""

from __future__ import annotations

from datetime import date

import pytest

from coachready.heading import demo as heading_demo
from coachready.heading.models import Practice
from coachready.heading.services.review import region_violations
from coachready.schoolyard import demo as schoolyard_demo
from coachready.schoolyard.models import PlanSession, SeasonPlan


class Ctx:
    def __init__(self, world):
        import random

        self.region = world.region
        self.personas = {"coach": world.coach}
        self.rng = random.Random(60)
        self.anchor = date(2026, 8, 1)


@pytest.mark.django_db
def test_demo_without_teams_creates_what_it_needs(world):
    ctx = Ctx(world)
    heading_demo.load(ctx)
    schoolyard_demo.load(ctx)
    assert Practice.objects.count() == len(heading_demo.PRACTICES)
    weeks = region_violations(world.region, date(2026, 8, 15), date(2026, 12, 12), world.region.policy())
    assert [(w.week_of, [v["code"] for v in w.result["violations"]]) for w in weeks] == [
        (date(2026, 9, 7), ["minutes_exceeded"])
    ]
    plan = SeasonPlan.objects.get()
    assert plan.team.division == "schoolyard" and plan.repeat == [3]
    assert PlanSession.objects.filter(plan=plan, done=True).count() == 2
