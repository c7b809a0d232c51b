"""Navigation and digest hooks of certs and teams."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from coachready.core.hooks import digest_sections
from coachready.teams.models import CoachAssignment, Team
from tests.certs.conftest import AS_OF, add_coaches
from tests.factories import certify, fully_certified_for_10u, give_record, make_person


def test_my_coaching_in_menu_and_home(login, world):
    client = login(world.coach)
    home = client.get(reverse("core:home")).content.decode()
    assert "My coaching" in home and reverse("certs:checklist") in home
    assert "My path to ready" in home


def test_region_nav_offers_our_pages(login, world):
    body = login(world.rca).get(reverse("certs:readiness", args=[60])).content.decode()
    for label in ("Verification queue", "Readiness", "Compliance", "Teams"):
        assert label in body


def test_digest_sections(world, season):
    give_record(world.coach, "safe_haven", date(2026, 1, 1), status="pending")
    # Ready a week ago, lapsed since: background check done 2025-08-10 counts through 2026-08-09.
    lapsed = make_person(world.region, "Lapsed", "Coach", user=False)
    certify(lapsed, fully_certified_for_10u(without="background_check", today=AS_OF)
            + (("background_check", date(2025, 8, 10), {"risk_status": "green"}),))
    # Lapsing within 30 days: background check 2025-09-01 counts through 2026-08-31.
    lapsing = make_person(world.region, "Soon", "Coach", user=False)
    certify(lapsing, fully_certified_for_10u(without="background_check", today=AS_OF)
            + (("background_check", date(2025, 9, 1), {"risk_status": "green"}),))
    for i, person in enumerate((lapsed, lapsing)):
        team = Team.objects.create(season=season, division="10U", name=f"T{i}")
        CoachAssignment.objects.create(team=team, person=person, role="head_coach")
    add_coaches(season, 1, ready_every=5, as_of=AS_OF)
    sections = {s.title: s for s in digest_sections(world.region, AS_OF)}
    assert "Certificates waiting for verification" in sections
    assert any("Lapsed Coach" in line for line in sections["Coaches who stopped being ready in the last 7 days"].lines)
    assert any("Soon Coach" in line
               for line in sections["Coaches whose certification lapses in the next 30 days"].lines)
    teams = next(s for t, s in sections.items() if t.startswith("Teams whose coaches are not ready"))
    assert any("T0" in line for line in teams.lines)
