"""The demo region: Region 60 Alhambra/Monterey Park with synthetic volunteers.

Everything is generated from a fixed seed and a fixed anchor date, so two
demo installs hold the same people and the same histories, and the dates
tell a story around the MY2026 fall season: some volunteers complete, some
missing a course, some whose background check lapses in September.

Apps add their own demo data by defining `coachready.<app>.demo.load(ctx)`;
`load_demo` calls them in INSTALLED_APPS order after the people exist.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from coachready.certs.models import CertificationRecord
from coachready.certs.services.versions import bump_readiness_version
from coachready.core import hooks
from coachready.org.models import Area, Person, Region, Role, RoleAssignment, Section, User

DEMO_PASSWORD = "coachready-demo"
# The season the demo tells a story around (MY2026, fall).
ANCHOR = date(2026, 8, 1)

FIRST_NAMES = [
    "Maria",
    "Jose",
    "Wei",
    "Mei",
    "Carlos",
    "Ana",
    "Kevin",
    "Jennifer",
    "David",
    "Linda",
    "Luis",
    "Sofia",
    "Daniel",
    "Grace",
    "Michael",
    "Emily",
    "Jorge",
    "Karen",
    "Steven",
    "Lily",
    "Brian",
    "Angela",
    "Eric",
    "Jasmine",
    "Victor",
    "Monica",
    "Tony",
    "Vivian",
    "Ricardo",
    "Helen",
    "Andrew",
    "Christina",
    "Alex",
    "Yolanda",
    "Henry",
    "Cindy",
    "Raymond",
    "Sandra",
    "Jason",
    "Teresa",
    "Peter",
    "Amy",
    "Frank",
    "Diana",
    "Kenny",
    "Rosa",
    "Samuel",
    "Irene",
    "Oscar",
    "Tiffany",
    "William",
    "Bill",
    "Elena",
    "Hector",
    "Judy",
    "Ming",
    "Patrick",
    "Gloria",
    "Edwin",
    "Lisa",
]
LAST_NAMES = [
    "Garcia",
    "Nguyen",
    "Chen",
    "Wong",
    "Lopez",
    "Martinez",
    "Lee",
    "Hernandez",
    "Kim",
    "Tran",
    "Gonzalez",
    "Rodriguez",
    "Liu",
    "Huang",
    "Perez",
    "Sanchez",
    "Ramirez",
    "Wu",
    "Lin",
    "Torres",
    "Flores",
    "Rivera",
    "Chang",
    "Le",
    "Yang",
    "Diaz",
    "Cruz",
    "Reyes",
    "Morales",
    "Ortiz",
    "Zhang",
    "Gutierrez",
    "Castillo",
    "Ho",
    "Lam",
    "Vargas",
    "Romero",
    "Mendoza",
    "Fong",
    "Ruiz",
    "Alvarez",
    "Chavez",
    "Jimenez",
    "Moreno",
    "Tan",
    "Luu",
]

# name, email, role, division note — the demo logins printed by `make demo`.
PERSONAS = (
    ("coach", "Casey", "Coach", "coach@example.org"),
    ("rca", "Rita", "Administrator", "rca@example.org"),
    ("rc", "Ray", "Commissioner", "rc@example.org"),
    ("safety", "Sam", "Advocate", "safety@example.org"),
    ("instructor", "Ines", "Instructor", "instructor@example.org"),
    ("referee", "Reggie", "Referee", "referee@example.org"),
    ("area", "Alma", "Area", "area@example.org"),
    ("section", "Sergio", "Section", "section@example.org"),
    ("national", "Nora", "National", "national@example.org"),
    ("other_rca", "Otto", "Outsider", "other-rca@example.org"),
)


@dataclass
class DemoContext:
    section: Section
    area: Area
    region: Region
    other_region: Region
    people: list[Person]
    personas: dict[str, Person]
    superuser: User
    rng: random.Random
    anchor: date = ANCHOR
    logins: list[tuple[str, str]] = field(default_factory=list)


def is_loaded() -> bool:
    return Region.objects.filter(number=60).exists()


def _between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _make_user(email: str, first: str, last: str, *, superuser: bool = False) -> User:
    from allauth.account.models import EmailAddress

    user = User(username=email, email=email, first_name=first, last_name=last)
    user.is_superuser = user.is_staff = superuser
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


HISTORY_SOURCES = ("online", "online", "online", "event", "import")


def history_facts(rng: random.Random, division_course: str) -> list[tuple[str, date, str, str]]:
    """A realistic certification history as (requirement, completed_on,
    risk_status, source): most have the one-time courses, renewals fall on
    spread dates so some lapse during the season, some courses are missing."""
    facts: list[tuple[str, date, str, str]] = []
    for code, share, since in (
        ("safe_haven", 0.93, date(2014, 1, 1)),
        ("concussion", 0.9, date(2014, 1, 1)),
        ("sudden_cardiac_arrest", 0.85, date(2017, 1, 1)),
        ("live_scan", 0.86, date(2019, 1, 1)),
        ("referee_regional", 0.72, date(2012, 1, 1)),
    ):
        if rng.random() < share:
            facts.append((code, _between(rng, since, date(2026, 7, 31)), "", rng.choice(HISTORY_SOURCES)))
    if rng.random() < 0.85:
        facts.append(("safesport", _between(rng, date(2023, 3, 1), date(2026, 7, 31)), "", "online"))
    if rng.random() < 0.94:
        # Background checks run yearly; a spread from mid-2025 puts a share
        # of them lapsing in the first weeks of the fall season.
        risk = rng.choices(["green", "yellow", "orange", "gray"], weights=[92, 3, 3, 2])[0]
        facts.append(("background_check", _between(rng, date(2025, 8, 1), date(2026, 8, 20)), risk, "online"))
    if rng.random() < 0.78:
        facts.append(
            (
                division_course,
                _between(rng, date(2015, 1, 1), date(2026, 7, 31)),
                "",
                rng.choice(HISTORY_SOURCES),
            )
        )
    return facts


def _history(rng: random.Random, person: Person, division_course: str) -> list[CertificationRecord]:
    return [
        CertificationRecord(
            person=person,
            requirement=code,
            completed_on=done,
            risk_status=risk,
            source=source,
            status=CertificationRecord.Status.VERIFIED,
        )
        for code, done, risk, source in history_facts(rng, division_course)
    ]


DIVISION_COURSES = (
    ("6U", "coach_6u"),
    ("8U", "coach_8u"),
    ("10U", "coach_10u"),
    ("12U", "coach_12u"),
    ("14U", "coach_intermediate"),
    ("16U", "coach_advanced"),
    ("schoolyard", "coach_schoolyard"),
)


@transaction.atomic
def load_demo(volunteers: int = 300, seed: int = 60) -> DemoContext:
    rng = random.Random(seed)
    section = Section.objects.create(number=1, name="Southern California (demo)")
    area = Area.objects.create(section=section, code="C", name="San Gabriel Valley (demo)")
    region = Region.objects.create(
        area=area,
        number=60,
        name="Alhambra/Monterey Park",
        email="coaches@region60.example.org",
        phone="626-244-7374",
        postal_address="P.O. Box 7817\nAlhambra, California 91801",
        policy_name="region-60",
    )
    other = Region.objects.create(
        area=area,
        number=61,
        name="Sample Valley (demo)",
        email="info@region61.example.org",
        policy_name="region-60",
    )
    superuser = _make_user("admin@example.org", "Site", "Administrator", superuser=True)
    ctx = DemoContext(section, area, region, other, [], {}, superuser, rng)
    ctx.logins.append(("site superuser", "admin@example.org"))

    start = date(2025, 8, 1)
    for key, first, last, email in PERSONAS:
        home = other if key == "other_rca" else region
        person = Person.objects.create(
            first_name=first,
            last_name=last,
            email=email,
            home_region=home,
            volunteer_id=f"9{len(ctx.personas):04d}60",
            birth_date=date(1985, 3, 14),
            user=_make_user(email, first, last),
        )
        ctx.personas[key] = person
        ctx.logins.append((key.replace("_", " "), email))
    p = ctx.personas
    roles = [
        (p["rca"], Role.REGIONAL_COACH_ADMINISTRATOR, {"region": region}),
        (p["rc"], Role.REGIONAL_COMMISSIONER, {"region": region}),
        (p["safety"], Role.SAFETY_ADVOCATE, {"region": region}),
        (p["instructor"], Role.INSTRUCTOR, {"region": region}),
        (p["referee"], Role.REFEREE, {"region": region}),
        (p["coach"], Role.COACH, {"region": region}),
        (p["area"], Role.AREA_COACH_ADMINISTRATOR, {"area": area}),
        (p["section"], Role.SECTION_COACH_ADMINISTRATOR, {"section": section}),
        (p["national"], Role.NATIONAL_COACH, {}),
        (p["other_rca"], Role.REGIONAL_COACH_ADMINISTRATOR, {"region": other}),
    ]
    RoleAssignment.objects.bulk_create(
        RoleAssignment(person=person, role=role, start_on=start, **scope) for person, role, scope in roles
    )
    # The demo coach has the safety courses but no 10U course yet, so the
    # checklist and the path to ready have something to show.
    coach = p["coach"]
    CertificationRecord.objects.bulk_create(
        CertificationRecord(person=coach, requirement=code, completed_on=done, source="online", **extra)
        for code, done, extra in (
            ("safe_haven", date(2024, 8, 20), {}),
            ("concussion", date(2024, 8, 20), {}),
            ("sudden_cardiac_arrest", date(2024, 8, 21), {}),
            ("safesport", date(2024, 8, 22), {}),
            ("background_check", date(2026, 7, 10), {"risk_status": "green"}),
            ("live_scan", date(2024, 9, 2), {}),
            ("referee_regional", date(2025, 3, 8), {}),
        )
    )

    people: list[Person] = []
    used_ids: set[str] = set()
    for i in range(volunteers):
        home = other if i % 10 == 9 else region
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        vid = f"{rng.randint(10_000_000, 99_999_999)}"
        while vid in used_ids:
            vid = f"{rng.randint(10_000_000, 99_999_999)}"
        used_ids.add(vid)
        people.append(
            Person(
                first_name=first,
                last_name=last,
                volunteer_id=vid,
                home_region=home,
                email=f"{first}.{last}.{i}@volunteers.example.org".lower(),
                phone=f"626-555-{rng.randint(1000, 9999)}",
                birth_date=_between(rng, date(1965, 1, 1), date(2000, 12, 31)),
            )
        )
    people = Person.objects.bulk_create(people)
    ctx.people = people
    records: list[CertificationRecord] = []
    assignments: list[RoleAssignment] = []
    for i, person in enumerate(people):
        division, course = DIVISION_COURSES[i % len(DIVISION_COURSES)]
        records.extend(_history(rng, person, course))
        if i % 3 != 2:  # two thirds of the volunteers coach
            role = Role.COACH if i % 2 == 0 else Role.ASSISTANT_COACH
            assignments.append(
                RoleAssignment(
                    person=person, role=role, region=person.home_region, start_on=start, division=division
                )
            )
    CertificationRecord.objects.bulk_create(records, batch_size=2000)
    RoleAssignment.objects.bulk_create(assignments, batch_size=2000)

    for module in hooks.app_modules("demo"):
        module.load(ctx)
    # The demo writes in bulk, past the services that stamp readiness data.
    bump_readiness_version([region, other])
    return ctx
