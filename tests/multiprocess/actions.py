"""What the multi-process test does to the shared database from outside the
web servers, as an operator's shell would: `python -m tests.multiprocess.actions
seed` builds the people and pages (printing them as JSON), `publish HEADING`
publishes a new revision of the region's home page with that heading.

Run with the servers' own environment (production settings), never the
test settings: this process must share their database and cache.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta


def seed() -> dict:
    from django.utils import timezone

    from coachready.certs.models import CertificationRecord
    from coachready.org.models import Role
    from coachready.site.services.tree import create_region_site
    from coachready.teams.models import CoachAssignment, Season, Team
    from tests.factories import fully_certified_for_10u, give_record, give_role, give_totp, make_person, make_region

    today = timezone.localdate()
    region = make_region(60, "Alhambra/Monterey Park")
    admin = make_person(region, "Rita", "Administrator")
    give_role(admin, Role.REGIONAL_COACH_ADMINISTRATOR, region=region)
    coach = make_person(region, "Casey", "Coach")
    give_role(coach, Role.COACH, region=region)
    locked = make_person(region, "Lee", "Locked")
    season = Season.objects.create(
        region=region, membership_year=today.year if today.month >= 8 else today.year - 1, term="fall",
        starts_on=today - timedelta(days=30), first_game_on=today - timedelta(days=10),
        ends_on=today + timedelta(days=60),
    )
    team = Team.objects.create(season=season, division="10U", name="Comets")
    CoachAssignment.objects.create(team=team, person=coach, role="head_coach")
    done = today - timedelta(days=20)
    for code, _date, extra in fully_certified_for_10u(without="safe_haven"):
        give_record(coach, code, done, **extra)
    pending = give_record(
        coach, "safe_haven", done, source=CertificationRecord.Source.UPLOAD, status=CertificationRecord.Status.PENDING
    )
    create_region_site(region, hostname="localhost", port=80, default=True)
    return {
        "admin": admin.email, "admin_secret": give_totp(admin.user), "coach": coach.email,
        "locked": locked.email, "pending_record": pending.pk,
    }


def publish(heading: str) -> None:
    from wagtail.models import Site

    page = Site.objects.get(is_default_site=True).root_page.specific
    page.hero_heading = heading
    page.save_revision().publish()


def main(argv: list[str]) -> None:
    import django

    django.setup()
    if argv[0] == "seed":
        print(json.dumps(seed()))
    elif argv[0] == "publish":
        publish(argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
