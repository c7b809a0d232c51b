"""Administrators need a second factor before they see anyone's data."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_removed
from django.test import RequestFactory, override_settings
from django.urls import reverse

from coachready.org.middleware import _CHECKED, RECHECK_SECONDS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mfa_required")]


@pytest.fixture
def mfa_required():
    with override_settings(MFA_REQUIRED_FOR_ADMINS=True):
        yield


def _give_totp(person):
    Authenticator.objects.create(user=person.user, type=Authenticator.Type.TOTP, data={"secret": "x"})


@pytest.mark.parametrize("persona", ["rca", "rc", "section_ca", "national"])
def test_an_administrator_without_a_second_factor_is_sent_to_set_one_up(world, login, persona):
    response = login(getattr(world, persona)).get(reverse("org:region", args=[60]))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_account_pages_stay_open_to_set_it_up(world, login):
    response = login(world.rca).get(reverse("mfa_activate_totp"))
    # allauth asks for the password again before a second factor is added;
    # what matters is that the account pages are not themselves refused.
    assert response.status_code == 200 or response["Location"].startswith("/accounts/reauthenticate/")


def test_a_coach_needs_no_second_factor(world, login):
    assert login(world.coach).get(reverse("certs:checklist")).status_code == 200


def test_with_a_second_factor_the_check_is_remembered_for_a_while(world, login):
    _give_totp(world.rca)
    client = login(world.rca)
    assert client.get(reverse("org:region", args=[60])).status_code == 200
    user_pk, checked_at = client.session[_CHECKED]
    assert user_pk == world.rca.user.pk and time.time() - checked_at < RECHECK_SECONDS
    # The second factor goes away: the remembered check no longer covers it
    # once it runs out.
    Authenticator.objects.filter(user=world.rca.user).delete()
    session = client.session
    session[_CHECKED] = [world.rca.user.pk, time.time() - RECHECK_SECONDS - 1]
    session.save()
    assert client.get(reverse("org:region", args=[60])).status_code == 302


def test_removing_the_second_factor_is_noticed_at_once(world, login):
    _give_totp(world.rca)
    client = login(world.rca)
    client.get(reverse("org:region", args=[60]))
    request = RequestFactory().get("/accounts/2fa/")
    request.session = client.session
    authenticator_removed.send(sender=Authenticator, request=request, user=world.rca.user, authenticator=None)
    request.session.save()
    Authenticator.objects.filter(user=world.rca.user).delete()
    assert client.get(reverse("org:region", args=[60])).status_code == 302


def test_a_role_granted_mid_session_is_caught_when_the_check_runs_out(world, login):
    client = login(world.referee)
    assert client.get(reverse("core:home")).status_code == 200
    from coachready.org.models import Role
    from tests.factories import give_role

    give_role(world.referee, Role.REGIONAL_COACH_ADMINISTRATOR, region=world.region)
    session = client.session
    session[_CHECKED] = [world.referee.user.pk, time.time() - RECHECK_SECONDS - 1]
    session.save()
    assert client.get(reverse("core:home")).status_code == 302
