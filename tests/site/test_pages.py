"""The public site tree: every page renders, live pages follow the policy."""

import pytest
from django.core.management import call_command

from coachready.site.models import CoachRequirementsPage, HomePage, StandardPage

DEMO_PAGES = [
    ("/", "World class youth soccer programs"),
    ("/become-a-coach/", "Steps to become a coach"),
    ("/heading-the-ball/", "Heading the ball"),
    ("/school-yard/", "Week 10"),
    ("/coach-clinics/", "Upcoming classes and clinics"),
    ("/national-partners/", "U.S. Center for SafeSport"),
    ("/contact/", "626-244-7374"),
    ("/privacy/", "Privacy statement"),
    ("/terms/", "Terms of use"),
    ("/childrens-privacy/", "team-local id"),
    ("/volunteer/", "We are now recruiting volunteer coaches"),
]


@pytest.mark.parametrize(("path", "text"), DEMO_PAGES)
def test_the_region_60_tree_renders_at_the_root(client, site60, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_home_has_mission_calls_to_action_recruiting_and_footer(client, site60):
    html = client.get("/").content.decode()
    for words in ("Become a coach", "Find a training class", "Contact us", "We are now recruiting volunteer coaches",
                  "player development", "Privacy Statement", "Terms of Use", "Children's Privacy Policy",
                  "626-244-7374", 'href="/accounts/login/"', 'href="/volunteer/"'):
        assert words in html, words


def test_footer_offers_my_coaching_when_signed_in(login, world, site60):
    html = login(world.coach).get("/").content.decode()
    assert "My coaching" in html and 'href="/accounts/login/">Login' not in html


def test_titles_and_meta_descriptions_come_from_the_page(client, site60):
    html = client.get("/become-a-coach/").content.decode()
    assert "<title>Become a coach · AYSO Region 60 Alhambra/Monterey Park</title>" in html
    assert '<meta name="description" content="What a volunteer coach needs' in html


def _safesport_row(html: str) -> str:
    start = html.index('id="req-safesport"')
    return html[start:html.index("</tr>", start)]


def test_requirements_follow_the_region_policy_without_editing_the_page(client, world, site60):
    page = CoachRequirementsPage.objects.get(locale__language_code="en")
    revisions = page.revisions.count()
    assert "every 3 years" in _safesport_row(client.get("/become-a-coach/").content.decode())

    world.region.policy_name = "ayso-national"
    world.region.save()
    html = client.get("/become-a-coach/").content.decode()
    assert "every 12 months" in _safesport_row(html)
    assert "every 3 years" not in _safesport_row(html)
    assert 'id="req-referee_regional"' not in html  # not on the national list
    page.refresh_from_db()
    assert page.revisions.count() == revisions


def test_requirements_page_explains_courses_nesting_and_crosscert(client, site60):
    html = client.get("/become-a-coach/").content.decode()
    for words in ("Intermediate Coach", "Advanced Coach also counts where Intermediate Coach is needed",
                  "do not substitute for each other", "US Soccer D licence", "NSCAA diploma",
                  "An application is approved in this order:</p>\n  <ol><li>Regional Commissioner</li>"
                  "<li>Area Coach Administrator</li><li>Section Coach Administrator</li><li>National Coach</li></ol>",
                  "Every 3 years: SafeSport", "Annually: Background Check"):
        assert words in html, words


def test_heading_page_renders_the_policy_numbers(client, site60):
    html = client.get("/heading-the-ball/").content.decode()
    assert "At most 30 minutes a week, 15–20 headers per player" in html
    assert "aged 10 or younger" in html


def test_school_yard_lists_ten_weeks(client, site60):
    html = client.get("/school-yard/").content.decode()
    assert html.count("<h2>Week ") == 10


def test_calendar_says_so_when_nothing_is_scheduled(client, site60):
    assert "No classes are scheduled right now" in client.get("/coach-clinics/").content.decode()


def test_calendar_lists_published_upcoming_events_of_the_region_only(client, world, site60):
    from datetime import date, time, timedelta

    from django.utils import timezone

    from coachready.training.models import Event, Session

    soon = timezone.localdate() + timedelta(days=10)
    for region, title, status in ((world.region, "10U Coach course", "published"),
                                  (world.region, "Draft clinic", "draft"),
                                  (world.other_region, "Region 61 class", "published")):
        event = Event.objects.create(region=region, title=title, course="coach_10u", venue_name="Almansor Park",
                                     capacity=20, enrol_by=soon, status=status)
        Session.objects.create(event=event, date=soon, start=time(9), end=time(12))
    Event.objects.create(region=world.region, title="Past course", course="coach_8u", venue_name="Park",
                         capacity=5, enrol_by=date(2020, 1, 1), status="published")
    html = client.get("/coach-clinics/").content.decode()
    assert "10U Coach course" in html and "20 seats left" in html
    assert "Draft clinic" not in html and "Region 61 class" not in html and "Past course" not in html


def test_each_region_site_speaks_for_its_region(client, site61, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver", "region61.localhost"]
    html = client.get("/contact/", HTTP_HOST="region61.localhost").content.decode()
    assert "Region 61" in html and "626-244-7374" not in html


def test_sitemap_lists_the_region_pages(client, site60):
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/become-a-coach/" in xml and "http://localhost/childrens-privacy/" in xml


def test_search_finds_pages_of_the_site(client, site60):
    html = client.get("/search/", {"q": "heading"}).content.decode()
    assert 'href="/heading-the-ball/"' in html
    assert "0 pages found" in client.get("/search/", {"q": "zzqx"}).content.decode()
    assert client.get("/search/", {"q": "x" * 500}).status_code == 200


def test_create_region_site_is_idempotent(world, site60, capsys):
    call_command("create-region-site", "--region", "60")
    assert "already has a website" in capsys.readouterr().out
    # One home page and one privacy statement, each in the four languages.
    assert HomePage.objects.count() == 4 and StandardPage.objects.filter(slug="privacy").count() == 4


@pytest.mark.parametrize(("args", "message"), [
    (["--region", "99"], "there is no Region 99"),
    (["--region", "61", "--port", "0"], "is not a port number"),
    (["--region", "61", "--hostname", "http://x"], "is not a host name"),
    (["--region", "61", "--hostname", "localhost"], "already belongs to another region"),
])
def test_create_region_site_refuses_bad_arguments(world, site60, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        call_command("create-region-site", *args)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert HomePage.objects.count() == 4
