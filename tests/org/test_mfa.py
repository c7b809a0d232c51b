"""Administrators need a session that passed the second factor before they
see anyone's data, whichever door they signed in through."""

import time
from urllib.parse import urlencode

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_removed
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from coachready.org.middleware import _CHECKED, RECHECK_SECONDS
from tests.factories import TEST_PASSWORD, give_totp, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth refuses a TOTP code twice within its period, remembered in the
    # cache; each test here signs in afresh.
    cache.clear()


def _reauthenticate_url(path):
    return f"{reverse('mfa_reauthenticate')}?{urlencode({'next': path})}"


@pytest.mark.parametrize("persona", ["rca", "rc", "section_ca", "national"])
def test_an_administrator_without_a_second_factor_is_sent_to_set_one_up(world, login, persona):
    response = login(getattr(world, persona), second_factor=False).get(reverse("org:region", args=[60]))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_account_pages_stay_open_to_set_it_up(world, login):
    response = login(world.rca, second_factor=False).get(reverse("mfa_activate_totp"))
    # allauth asks for the password again before a second factor is added;
    # what matters is that the account pages are not themselves refused.
    assert response.status_code == 200 or response["Location"].startswith("/accounts/reauthenticate/")


def test_a_coach_needs_no_second_factor(world, login):
    assert login(world.coach).get(reverse("certs:checklist")).status_code == 200


def test_a_password_only_session_of_an_administrator_with_a_device_is_asked_for_the_code(world, login):
    give_totp(world.rca.user)
    client = login(world.rca, second_factor=False)
    page = reverse("org:region", args=[60])
    response = client.get(page)
    assert response.status_code == 302 and response["Location"] == _reauthenticate_url(page)


def test_a_session_signed_in_before_the_device_was_added_must_give_the_code(world, login):
    client = login(world.rca, second_factor=False)
    page = reverse("certs:readiness", args=[60])
    assert client.get(page)["Location"] == reverse("mfa_activate_totp")
    secret = give_totp(world.rca.user)  # set up in another tab, or by the activation page
    assert client.get(page)["Location"] == _reauthenticate_url(page)
    # Giving the code in this session opens the page.
    response = client.post(_reauthenticate_url(page), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == page
    assert client.get(page).status_code == 200


def test_with_a_second_factor_the_check_is_remembered_for_a_while(world, login):
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


# Every door × every administrator page: the password alone opens none.
DOORS = ["/accounts/login/", "/cms/login/", "/django-admin/login/"]
PAGES = ["/region/60/readiness/", "/cms/", "/django-admin/"]


@pytest.fixture
def admin_with_device(world):
    """The region's RCA, who may also enter the CMS and Django admin, with TOTP set up."""
    user = world.rca.user
    user.is_staff = user.is_superuser = True
    user.save()
    return user, give_totp(user)


def _sign_in_with_password(client, door, page, email):
    response = client.get(door, {"next": page})
    if door != "/accounts/login/":
        # The CMS's and Django admin's own login pages hand over to allauth's, keeping `next`.
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?{urlencode({'next': page})}"
    return client.post(f"/accounts/login/?next={page}", {"login": email, "password": TEST_PASSWORD})


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("door", DOORS)
def test_the_password_alone_opens_no_administrator_page(client, admin_with_device, door, page):
    user, _secret = admin_with_device
    response = _sign_in_with_password(client, door, page, user.email)
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_authenticate"))
    response = client.get(page)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("door", DOORS)
def test_the_password_and_the_code_open_every_administrator_page(client, admin_with_device, door, page):
    user, secret = admin_with_device
    _sign_in_with_password(client, door, page, user.email)
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == page
    assert client.get(page).status_code == 200


@pytest.mark.parametrize("door", ["/cms/login/", "/django-admin/login/"])
def test_credentials_posted_to_the_old_login_forms_sign_nobody_in(client, admin_with_device, door):
    user, _secret = admin_with_device
    client.post(door, {"username": user.email, "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("page", ["/cms/", "/django-admin/"])
def test_someone_signed_in_without_access_is_refused_not_sent_round_in_circles(world, login, page):
    client = login(world.coach)
    response = client.get(page, follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2


@pytest.mark.django_db(transaction=True)
def test_setting_up_the_authenticator_counts_as_passing_the_second_factor(world, login):
    """The administrator just typed a code from the new device: the next
    administrator page opens without asking for another."""
    client = login(world.rca, second_factor=False)
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    # Outside a test transaction, as in production: allauth announces the new
    # device on commit, while the request that added it is still running.
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=world.rca.user, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("certs:readiness", args=[60])).status_code == 200
