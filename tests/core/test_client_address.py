"""The client address: REMOTE_ADDR, or behind a trusted proxy the right-most
forwarded address no proxy of ours wrote. Failed sign-ins are counted by it."""

import pytest
from django.test import RequestFactory, override_settings

from coachready.core.client_address import client_address
from tests.factories import TEST_PASSWORD

PROXY = "127.0.0.1"


def _address(remote, forwarded=None, proxies=()):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    with override_settings(TRUSTED_PROXIES=list(proxies)):
        return client_address(RequestFactory().get("/", **extra))


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        # No trusted proxy: the header is whatever the client wrote.
        ("198.51.100.7", "203.0.113.5", (), "198.51.100.7"),
        ("127.0.0.1", "203.0.113.5", (), "127.0.0.1"),
        # A request not from the proxy: its header is ignored.
        ("198.51.100.7", "203.0.113.5", (PROXY,), "198.51.100.7"),
        # From the proxy: the address the proxy appended.
        (PROXY, "203.0.113.5", (PROXY,), "203.0.113.5"),
        # A client's forged entries sit left of what the proxy appended.
        (PROXY, "10.0.0.1, 203.0.113.5", (PROXY,), "203.0.113.5"),
        # Two proxies of ours in a row: skip both.
        (PROXY, "203.0.113.5, 10.1.1.1", (PROXY, "10.1.1.1"), "203.0.113.5"),
        # From the proxy with no header: the proxy itself is all we know.
        (PROXY, None, (PROXY,), PROXY),
        (PROXY, "not-an-address", (PROXY,), PROXY),
        (PROXY, "[2001:db8::1]", (PROXY,), "2001:db8::1"),
        ("", None, (), None),
    ],
)
def test_the_client_address(remote, forwarded, proxies, expected):
    assert _address(remote, forwarded, proxies) == expected


FIRST, SECOND = "203.0.113.5", "198.51.100.7"
SIGN_IN_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}


def _sign_in(client, email, password, address):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, HTTP_X_FORWARDED_FOR=address
    )


def _ten_wrong_passwords_from(client, address):
    for n in range(10):
        # Different accounts each time, so only the per-address limit is reached.
        _sign_in(client, f"nobody{n}@example.org", "wrong-password", address)


def _signed_in(response):
    return response.status_code == 302 and not response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
@override_settings(ACCOUNT_RATE_LIMITS=SIGN_IN_LIMITS, TRUSTED_PROXIES=[PROXY])
def test_behind_the_proxy_one_address_s_failed_sign_ins_leave_another_unaffected(client, world):
    _ten_wrong_passwords_from(client, FIRST)
    refused = _sign_in(client, world.coach.email, TEST_PASSWORD, FIRST)
    assert not _signed_in(refused) and "Too many failed login attempts" in refused.content.decode()
    assert _signed_in(_sign_in(client, world.coach.email, TEST_PASSWORD, SECOND))


@pytest.mark.django_db
@override_settings(ACCOUNT_RATE_LIMITS=SIGN_IN_LIMITS, TRUSTED_PROXIES=[])
def test_without_a_trusted_proxy_x_forwarded_for_changes_nothing(client, world):
    _ten_wrong_passwords_from(client, FIRST)
    refused = _sign_in(client, world.coach.email, TEST_PASSWORD, SECOND)
    assert not _signed_in(refused) and "Too many failed login attempts" in refused.content.decode()
