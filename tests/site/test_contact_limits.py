"""Contact limits count the client address TRUSTED_PROXIES gives, per region."""

from django.test import override_settings

from coachready.site.models import ContactMessage

PROXY = "127.0.0.1"
FIRST, SECOND = "203.0.113.5", "198.51.100.7"

CONTACT = {"name": "Pat Parent", "email": "pat@example.net", "topic": "coaching",
           "message": "How do I sign up for the 10U coach course?", "website": ""}


def _contact(client, address, n, host="localhost"):
    return client.post(
        "/contact/", {**CONTACT, "email": f"parent{n}@example.net"}, HTTP_X_FORWARDED_FOR=address, HTTP_HOST=host,
    )


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_behind_the_proxy_one_address_s_contact_messages_leave_another_unaffected(client, site60):
    for n in range(3):
        assert _contact(client, FIRST, n).status_code == 302
    assert _contact(client, FIRST, 3).status_code == 200
    assert _contact(client, SECOND, 4).status_code == 302
    assert sorted(ContactMessage.objects.values_list("ip_address", flat=True)) == [SECOND] + [FIRST] * 3


@override_settings(TRUSTED_PROXIES=[])
def test_without_a_trusted_proxy_contact_limits_ignore_x_forwarded_for(client, site60):
    for n in range(3):
        assert _contact(client, FIRST, n).status_code == 302
    assert _contact(client, SECOND, 3).status_code == 200
    assert set(ContactMessage.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_contact_limits_count_per_region(client, site60, site61, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "region61.localhost"]
    for n in range(3):
        assert _contact(client, FIRST, n).status_code == 302
    assert _contact(client, FIRST, 3).status_code == 200
    assert _contact(client, FIRST, 4, host="region61.localhost").status_code == 302
    assert ContactMessage.objects.filter(region=site61.region).count() == 1
