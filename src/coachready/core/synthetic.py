"""A deterministic synthetic national data set for benchmarks and load tests.

`seed_national(volunteers, regions, seed)` builds sections, areas and regions,
then volunteers with realistic certification histories (most complete, some
lapsed, some missing), a fall season per region with teams and coach
assignments. Everything is written with bulk inserts so 100,000 volunteers
load in well under two minutes on PostgreSQL.

Synthetic regions are numbered from 1000 so they never collide with real
ones, and a second call with the same numbers is refused rather than mixed in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction

from coachready.certs.models import CertificationRecord
from coachready.certs.services.versions import bump_readiness_version
from coachready.core.bulk import insert_rows
from coachready.core.demo import DIVISION_COURSES, FIRST_NAMES, LAST_NAMES, history_facts
from coachready.org.models import Area, Person, Region, Role, RoleAssignment, Section
from coachready.org.search import search_key
from coachready.teams.models import CoachAssignment, Season, Team

FIRST_REGION_NUMBER = 1000
REGIONS_PER_AREA = 8
AREAS_PER_SECTION = 6
BATCH = 5000


@dataclass(frozen=True)
class SeedSummary:
    regions: int
    volunteers: int
    records: int
    teams: int
    assignments: int


class SeedError(ValueError):
    """The request cannot be seeded (bad numbers, or already seeded)."""


def seed_national(volunteers: int, regions: int, seed: int = 1) -> SeedSummary:
    if volunteers < 1 or regions < 1:
        raise SeedError("--volunteers and --regions must be at least 1")
    if regions > 5000 or volunteers > 2_000_000:
        raise SeedError("at most 5000 regions and 2,000,000 volunteers")
    numbers = range(FIRST_REGION_NUMBER, FIRST_REGION_NUMBER + regions)
    if Region.objects.filter(number__in=[numbers.start, numbers.stop - 1]).exists():
        raise SeedError(f"regions {numbers.start}–{numbers.stop - 1} already exist; use a fresh database")
    rng = random.Random(seed)
    with transaction.atomic():
        region_rows = _tree(regions, numbers)
        people = _people(rng, volunteers, region_rows)
        records = _records(rng, people)
        teams, assignments = _teams(rng, people, region_rows)
        # Bulk inserts bypass the services that stamp readiness data.
        bump_readiness_version(region_rows)
    _analyze()
    return SeedSummary(len(region_rows), len(people), records, teams, assignments)


def _analyze() -> None:
    """Fresh planner statistics after a bulk load: PostgreSQL plans the
    readiness queries badly over tables it has never analysed."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _tree(count: int, numbers: range) -> list[Region]:
    sections: dict[int, Section] = {}
    areas: dict[tuple[int, int], Area] = {}
    regions: list[Region] = []
    per_section = REGIONS_PER_AREA * AREAS_PER_SECTION
    for i, number in enumerate(numbers):
        s_index, a_index = i // per_section, (i // REGIONS_PER_AREA) % AREAS_PER_SECTION
        if s_index not in sections:
            sections[s_index] = Section.objects.create(number=100 + s_index, name=f"Synthetic Section {100 + s_index}")
        key = (s_index, a_index)
        if key not in areas:
            areas[key] = Area.objects.create(section=sections[s_index], code=chr(ord("A") + a_index))
        regions.append(Region(area=areas[key], number=number, name=f"Synthetic {number}", policy_name="region-60"))
    return Region.objects.bulk_create(regions, batch_size=BATCH)


def _people(rng: random.Random, count: int, regions: list[Region]) -> list[tuple[int, int]]:
    """Insert the volunteers; returns (person id, home region id) in order."""

    def rows():
        for i in range(count):
            first, last, email, volunteer_id = (
                rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES), f"v{i}@synthetic.example.org", f"S{i:09d}"
            )
            yield (
                first, last, email, date(1960, 1, 1) + timedelta(days=rng.randint(0, 14_600)), volunteer_id,
                regions[i % len(regions)].pk,
                # insert_rows bypasses save(): the search key is filled here.
                search_key(first, last, "", volunteer_id, email),
            )

    insert_rows(
        Person,
        ["first_name", "last_name", "email", "birth_date", "volunteer_id", "home_region_id", "search_key"],
        rows(),
    )
    return list(
        Person.objects.filter(volunteer_id__startswith="S", home_region__number__gte=FIRST_REGION_NUMBER)
        .order_by("volunteer_id")
        .values_list("pk", "home_region_id")
    )


def _records(rng: random.Random, people: list[tuple[int, int]]) -> int:
    def rows():
        for i, (person_id, _) in enumerate(people):
            _, course = DIVISION_COURSES[i % len(DIVISION_COURSES)]
            for code, done, risk, source in history_facts(rng, course):
                yield (person_id, code, done, risk, source)

    return insert_rows(
        CertificationRecord, ["person_id", "requirement", "completed_on", "risk_status", "source"], rows()
    )


def _teams(rng: random.Random, people: list[tuple[int, int]], regions: list[Region]) -> tuple[int, int]:
    seasons = Season.objects.bulk_create(
        Season(region=r, membership_year=2026, term="fall", starts_on=date(2026, 8, 15),
               first_game_on=date(2026, 9, 12), ends_on=date(2026, 12, 12))
        for r in regions
    )
    by_region: dict[int, list[tuple[int, int]]] = {}
    for person_id, region_id in people:
        by_region.setdefault(region_id, []).append((person_id, region_id))
    teams: list[Team] = []
    coaches: list[tuple[int, tuple[int, int], str]] = []  # (team index, (person, region), role)
    for season in seasons:
        members = by_region.get(season.region_id, [])
        # One team for every five volunteers: a head coach and an assistant,
        # the rest of the volunteers referee or help elsewhere.
        for t in range(len(members) // 5):
            division, _ = DIVISION_COURSES[t % len(DIVISION_COURSES)]
            teams.append(Team(season=season, division=division, name=f"{division} Team {t + 1}"))
            head, assistant = members[5 * t], members[5 * t + 1]
            coaches.append((len(teams) - 1, head, CoachAssignment.Role.HEAD_COACH))
            coaches.append((len(teams) - 1, assistant, CoachAssignment.Role.ASSISTANT_COACH))
    teams = Team.objects.bulk_create(teams, batch_size=BATCH)
    insert_rows(
        CoachAssignment, ["team_id", "person_id", "role"], ((teams[t].pk, p[0], role) for t, p, role in coaches)
    )
    insert_rows(
        RoleAssignment,
        ["person_id", "role", "region_id", "division", "start_on"],
        (
            (p[0], Role.COACH if role == CoachAssignment.Role.HEAD_COACH else Role.ASSISTANT_COACH,
             p[1], teams[t].division, date(2026, 8, 1))
            for t, p, role in coaches
        ),
    )
    return len(teams), len(coaches)
