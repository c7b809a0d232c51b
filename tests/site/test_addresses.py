"""Served on any address, every link leads back to it: the region's site
address (create-region-site --hostname/--port) builds absolute links, and
redirects after forms are paths."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Site

from coachready.core.addresses import absolute_url, base_url
from coachready.org.models import AuditEntry

ADDRESS = "127.0.0.1:8123"
ROOT = f"http://{ADDRESS}"


@pytest.fixture
def served(client, site60, site61):
    """Region 60's site moved to an arbitrary port, as `HOST=... make demo` does,
    with a second region's site beside it (absolute page links then appear)."""
    call_command("create-region-site", "--region", "60", "--hostname", "127.0.0.1", "--port", "8123")
    client.defaults["HTTP_HOST"] = ADDRESS
    return client


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_create_region_site_moves_an_existing_site_and_audits_it(world, site60, capsys):
    call_command("create-region-site", "--region", "60", "--hostname", "coach.example.org", "--port", "443")
    assert "now at https://coach.example.org/" in capsys.readouterr().out
    assert base_url(world.region) == "https://coach.example.org"
    entry = AuditEntry.objects.get(action="site.site.address_changed")
    assert entry.data["port"] == [80, 443]
    call_command("create-region-site", "--region", "60", "--hostname", "coach.example.org", "--port", "443")
    assert "already has a website at https://coach.example.org/" in capsys.readouterr().out
    assert AuditEntry.objects.filter(action="site.site.address_changed").count() == 1


def test_an_address_taken_by_another_site_is_refused(world, site60, site61, capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("create-region-site", "--region", "60", "--hostname", "region61.localhost")
    assert exit_.value.code == 2 and "already belongs to another site" in capsys.readouterr().err
    assert Site.objects.get(region_site__region=site60.region).hostname == "localhost"


def test_the_contact_form_redirects_to_a_path(served):
    response = served.post("/contact/", {"name": "Pat Parent", "email": "pat@example.net", "topic": "coaching",
                                         "message": "How do I sign up for the course?", "website": ""})
    assert response.status_code == 302 and response["Location"] == "/contact/"


def test_the_contact_notice_links_to_the_served_address(served):
    served.post("/contact/", {"name": "Pat Parent", "email": "pat@example.net", "topic": "coaching",
                              "message": "How do I sign up for the course?", "website": ""})
    notice = mail.outbox[0]
    links = links_in(notice.body) + links_in(notice.alternatives[0][0])
    assert links and all(link.startswith(ROOT + "/") for link in links), links


def test_the_sitemap_lists_pages_on_the_served_address(served):
    xml = served.get("/sitemap.xml").content.decode()
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    assert f"{ROOT}/contact/" in locs
    assert all(loc.startswith(ROOT + "/") for loc in locs), locs


def test_cms_live_links_point_at_the_served_address(served, world, home):
    from coachready.org.models import User
    from tests.factories import pass_second_factor

    admin = User.objects.create_superuser(username="cms-admin", email="cms@example.org", password="x" * 20)
    served.force_login(admin)
    pass_second_factor(served, admin)
    html = served.get(f"/cms/pages/{home.pk}/").content.decode()
    live = [link for link in links_in(html) if "/contact/" in link or "/become-a-coach/" in link]
    assert live and all(link.startswith(ROOT + "/") for link in live), live
    assert "http://localhost/" not in html


def test_the_password_reset_link_stays_on_the_served_address(served, world):
    served.post("/accounts/password/reset/", {"email": world.coach.email})
    links = links_in(mail.outbox[-1].body)
    assert any("/accounts/password/reset/key/" in link for link in links)
    assert all(link.startswith(ROOT + "/") for link in links), links


def test_event_links_and_region_links_use_the_region_address(served, world):
    from coachready.training.calendar import event_url
    from coachready.training.models import Event

    assert event_url(Event(pk=7, region=world.region, title="10U course")) == f"{ROOT}/training/events/7/"
    assert absolute_url("/my/", region=world.other_region) == "http://region61.localhost/my/"


def test_without_a_region_site_links_follow_the_request_or_the_default(world, rf, settings):
    settings.SITE_URL = ""
    request = rf.get("/", HTTP_HOST="127.0.0.1:9000")
    assert base_url(world.region, request) == "http://127.0.0.1:9000"
    settings.SITE_URL = "https://coach.example.org"
    assert base_url(world.region) == "https://coach.example.org"
