"""The demo region and the synthetic national data set load, once."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coachready.certs.models import CertificationRecord
from coachready.core.synthetic import SeedError, seed_national
from coachready.org.models import Person, Region
from coachready.teams.models import CoachAssignment, Team

pytestmark = pytest.mark.django_db


def test_the_synthetic_nation_has_the_national_shape():
    summary = seed_national(volunteers=100, regions=3, seed=4)
    assert summary.regions == 3 and summary.volunteers == 100
    assert Region.objects.filter(number__gte=1000).count() == 3
    assert Person.objects.filter(home_region__number__gte=1000).count() == 100
    assert CertificationRecord.objects.count() == summary.records > 100
    # one team per five volunteers, a head coach and an assistant each
    assert Team.objects.count() == summary.teams == sum(len(range(n // 5)) for n in (34, 33, 33))
    assert CoachAssignment.objects.count() == 2 * summary.teams
    # some complete, some missing: not every volunteer holds every course
    assert 0 < CertificationRecord.objects.filter(requirement="background_check").count() < 100


def test_seeding_is_deterministic_for_a_seed():
    """The same seed gives the same histories, so benchmark runs compare."""
    import random

    from coachready.core.demo import history_facts

    assert history_facts(random.Random(9), "coach_10u") == history_facts(random.Random(9), "coach_10u")
    seed_national(volunteers=20, regions=1, seed=9)
    names = list(Person.objects.order_by("volunteer_id").values_list("first_name", "last_name"))
    rng = random.Random(9)
    from coachready.core.demo import FIRST_NAMES, LAST_NAMES

    expected = []
    for _ in range(20):
        expected.append((rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)))
        rng.randint(0, 14_600)
    assert names == expected


@pytest.mark.parametrize(("volunteers", "regions"), [(0, 1), (10, 0), (-5, 2)])
def test_bad_sizes_are_refused(volunteers, regions):
    with pytest.raises(SeedError):
        seed_national(volunteers=volunteers, regions=regions)


def test_a_second_seed_over_the_first_is_refused_with_exit_2():
    call_command("seed-demo", volunteers=10, regions=1)
    with pytest.raises(CommandError) as refused:
        call_command("seed-demo", volunteers=10, regions=1)
    assert refused.value.returncode == 2
    assert "already exist" in str(refused.value)


def test_the_demo_loads_once_with_its_logins(capsys):
    call_command("load-demo", volunteers=30)
    out = capsys.readouterr().out
    assert "Loaded the Region 60 demo" in out and "rca@example.org" in out
    region = Region.objects.get(number=60)
    assert region.name == "Alhambra/Monterey Park"
    assert Person.objects.filter(home_region=region).count() > 30
    call_command("load-demo")
    assert "already loaded" in capsys.readouterr().out
