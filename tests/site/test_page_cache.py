"""Anonymous visitors get public pages from the shared cache; nobody ever
gets someone else's page, forms keep their own CSRF token, and every change
a page shows replaces the cached copy."""

from datetime import time, timedelta

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone
from wagtail.models import Page

from coachready.site import pagecache
from coachready.site.models import StandardPage


def _sneak_title(path: str, title: str) -> None:
    """Change a page's title in the database without any signal, as a hand
    fix would: a page still showing the old title came from the cache."""
    Page.objects.filter(url_path__endswith=path).update(title=title)


def _rendered(client, path: str = "/privacy/", **extra) -> str:
    response = client.get(path, **extra)
    assert response.status_code == 200
    return response.content.decode()


def test_an_anonymous_visitor_gets_the_cached_page(client, site60):
    assert "Privacy statement" in _rendered(client)
    _sneak_title("/privacy/", "Sneaked title")
    assert "Sneaked title" not in _rendered(client)


def test_the_cache_answers_without_a_query(client, site60, django_assert_num_queries):
    _rendered(client)
    with django_assert_num_queries(0):
        _rendered(client)


@pytest.mark.parametrize("path", ["/privacy/?utm_source=mail", "/privacy/?page=2"])
def test_a_query_string_is_served_live(client, site60, path):
    _rendered(client, path)
    _sneak_title("/privacy/", "Sneaked title")
    assert "Sneaked title" in _rendered(client, path)


def test_a_signed_in_volunteer_never_gets_nor_leaves_a_cached_page(login, world, site60):
    client = login(world.coach)
    assert "Sign out" in _rendered(client)
    _sneak_title("/privacy/", "Sneaked title")
    assert "Sneaked title" in _rendered(client)
    anonymous = Client()
    html = _rendered(anonymous)
    assert "Sign out" not in html and "Sneaked title" in html  # rendered for them, not the coach's copy


def test_a_visitor_with_a_session_is_served_live(client, site60):
    _rendered(client)
    _sneak_title("/privacy/", "Sneaked title")
    client.cookies["sessionid"] = "anything"
    assert "Sneaked title" in _rendered(client)


def test_each_site_has_its_own_copy_of_a_path(client, site61, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "region61.localhost"]
    assert "Region 60" in _rendered(client, "/privacy/")
    html = _rendered(client, "/privacy/", HTTP_HOST="region61.localhost")
    assert "Region 61" in html and "Region 60" not in html


def test_the_key_names_site_language_and_path(rf: RequestFactory, site61, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "region61.localhost"]

    def key(path, language, host="localhost"):
        request = rf.get(path, HTTP_HOST=host)
        request.LANGUAGE_CODE = language
        return pagecache.page_key(request)

    assert key("/privacy/", "en-us") == key("/privacy/", "en-us")
    assert len({key("/privacy/", "en-us"), key("/privacy/", "es"), key("/terms/", "en-us"),
                key("/es/privacy/", "en-us"), key("/privacy/", "en-us", host="region61.localhost")}) == 5


def test_a_new_host_name_for_a_site_is_seen_at_once(client, site61, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "region61.localhost", "www.region61.example"]
    assert "Region 60" in _rendered(client, "/privacy/", HTTP_HOST="www.region61.example")  # the default site
    site = site61.site
    site.hostname = "www.region61.example"
    site.save()
    assert "Region 61" in _rendered(client, "/privacy/", HTTP_HOST="www.region61.example")


def test_the_contact_form_is_never_cached_and_posts_after_a_cached_page(site60):
    client = Client(enforce_csrf_checks=True)
    _rendered(client, "/")
    _rendered(client, "/")  # the home page from the cache
    first = client.get("/contact/")
    assert "csrftoken" in first.cookies and 'name="csrfmiddlewaretoken"' in first.content.decode()
    token = first.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post("/contact/", {"name": "Pat Parent", "email": "pat@example.net", "topic": "coaching",
                                         "message": "How do I sign up for the 10U course?", "website": "",
                                         "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    # The thank-you message lives in the session: that visitor is served live.
    assert "reached the region" in _rendered(client, "/contact/")
    assert "reached the region" not in _rendered(Client(), "/contact/")


def _edit_and_publish(path: str, title: str) -> None:
    """Edit and publish the page at `path` of Region 60's site."""
    page = StandardPage.objects.filter(url_path__endswith=path, locale__language_code="en").order_by("pk").first()
    page.title = title
    page.save_revision().publish()


def test_publishing_replaces_the_cached_page_and_the_menus_that_show_it(client, site60):
    _rendered(client, "/privacy/")
    _rendered(client, "/terms/")
    _edit_and_publish("/privacy/", "Our privacy promise")
    assert "Our privacy promise" in _rendered(client, "/privacy/")
    _sneak_title("/terms/", "Sneaked title")
    assert "Sneaked title" in _rendered(client, "/terms/")  # the whole site's generation went


@pytest.mark.parametrize("change", ["unpublish", "delete"])
def test_unpublished_and_deleted_pages_leave_the_cache(client, site60, change):
    _rendered(client, "/privacy/")
    page = StandardPage.objects.get(url_path__endswith="/privacy/", locale__language_code="en")
    page.unpublish() if change == "unpublish" else page.delete()
    assert client.get("/privacy/").status_code == 404


def test_a_moved_page_leaves_its_old_address(client, site60):
    _rendered(client, "/privacy/")
    page = StandardPage.objects.get(url_path__endswith="/privacy/", locale__language_code="en")
    page.move(StandardPage.objects.get(url_path__endswith="/terms/", locale__language_code="en"), pos="last-child")
    assert client.get("/privacy/").status_code != 200  # Wagtail's redirect to the new address, or not found
    assert client.get("/terms/privacy/").status_code == 200


def test_a_publish_on_one_site_leaves_the_other_sites_cached(client, site61, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "region61.localhost"]
    _rendered(client, "/terms/", HTTP_HOST="region61.localhost")
    _sneak_title("/terms/", "Sneaked title")
    _edit_and_publish("/privacy/", "Our privacy promise")  # Region 60's tree
    assert "Sneaked title" not in _rendered(client, "/terms/", HTTP_HOST="region61.localhost")


def test_the_regions_contact_details_show_at_once(client, world, site60):
    assert "626-244-7374" in _rendered(client)
    world.region.phone = "626-555-0100"
    world.region.save()
    assert "626-555-0100" in _rendered(client)


def test_the_training_calendar_shows_new_events_and_seats_at_once(client, world, site60):
    from coachready.training.models import Enrollment, Event, Session

    assert "No classes are scheduled right now" in _rendered(client, "/coach-clinics/")
    soon = timezone.localdate() + timedelta(days=10)
    event = Event.objects.create(region=world.region, title="10U Coach course", course="coach_10u",
                                 venue_name="Almansor Park", capacity=20, enrol_by=soon, status="published")
    Session.objects.create(event=event, date=soon, start=time(9), end=time(12))
    assert "20 seats left" in _rendered(client, "/coach-clinics/")
    Enrollment.objects.create(event=event, person=world.coach, status="enrolled")
    assert "19 seats left" in _rendered(client, "/coach-clinics/")


def test_a_cache_time_of_zero_turns_it_off(client, site60, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    _rendered(client)
    _sneak_title("/privacy/", "Sneaked title")
    assert "Sneaked title" in _rendered(client)
