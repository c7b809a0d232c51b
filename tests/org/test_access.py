"""Who may see what: the access layer down the org tree."""

import pytest
from django.core.exceptions import PermissionDenied

from coachready.org.access import can_admin_region, get_person_for, people_for, scope_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "administers_60", "administers_61"),
    [
        ("rca", True, False),
        ("rc", True, False),
        ("safety", True, False),
        ("area_ca", True, True),
        ("section_ca", True, True),
        ("national", True, True),
        ("other_rca", False, True),
        ("coach", False, False),
        ("instructor", False, False),
        ("referee", False, False),
    ],
)
def test_region_administration_follows_the_tree(world, persona, administers_60, administers_61):
    user = getattr(world, persona).user
    assert can_admin_region(user, world.region) is administers_60
    assert can_admin_region(user, world.other_region) is administers_61


def test_anonymous_holds_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert scope_for(AnonymousUser()).empty
    assert not people_for(AnonymousUser()).exists()


def test_a_coach_sees_only_themself(world):
    assert list(people_for(world.coach.user)) == [world.coach]
    assert get_person_for(world.coach.user, world.coach.pk) == world.coach
    with pytest.raises(PermissionDenied):
        get_person_for(world.coach.user, world.rca.pk)


def test_an_rca_sees_the_region_but_not_the_next(world):
    visible = set(people_for(world.rca.user))
    assert world.coach in visible
    assert world.other_rca not in visible
    with pytest.raises(PermissionDenied):
        get_person_for(world.rca.user, world.other_rca.pk)


def test_an_ended_role_no_longer_grants_access(world):
    from datetime import date

    assignment = world.rca.roles.get()
    assignment.end_on = date(2021, 1, 1)
    assignment.save()
    # scope is cached per user object; a fresh user object sees the change
    from coachready.org.models import User

    assert not can_admin_region(User.objects.get(pk=world.rca.user.pk), world.region)
