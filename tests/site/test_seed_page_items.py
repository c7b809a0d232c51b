"""The whole seed page on the region's site: the coach job description, the
licence agreement in the footer, and what the National Coach course is for."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from wagtail.models import Page

from coachready.org.models import AuditEntry
from coachready.site.models import HomePage
from coachready.site.services.tree import add_missing_seed_pages

NATIONAL = ("The National Coach certification is for coaches who desire to further advance their skills "
            "and offer a greater level of support to their region.")


def test_the_job_description_has_its_own_page_linked_from_recruiting_and_become_a_coach(client, site60):
    job = "/coach-job-description/"
    assert job in client.get("/").content.decode()
    assert job in client.get("/become-a-coach/").content.decode()
    page = client.get(job)
    assert page.status_code == 200
    text = page.content.decode()
    for duty in ("teaches children soccer skills", "positive attitude", "teamwork", "sportsmanship",
                 "player development", "Gets certified", "Safe Haven", "heading"):
        assert duty in text, duty


def test_the_licence_agreement_is_in_every_pages_footer(client, site60):
    for path in ("/", "/become-a-coach/", "/contact/"):
        html = client.get(path).content.decode()
        assert '<a href="/license-agreement/">License Agreement</a>' in html, path
    licence = client.get("/license-agreement/").content.decode()
    assert "non-commercial" in licence and "Region 60" in licence


def test_the_national_coach_course_is_explained_with_the_upper_courses(client, site60):
    html = client.get("/become-a-coach/").content.decode()
    section = html.split('id="upper-heading"')[1]
    assert "National Coach" in section and NATIONAL in section
    assert "Advanced Coach</strong>: needed to coach 16U, 19U." in section


def test_a_site_built_before_the_pages_gets_them_once(world, site60):
    for slug in ("coach-job-description", "license-agreement"):
        Page.objects.filter(slug=slug).delete()
    HomePage.objects.update(job_description_page=None, licence_page=None)
    site60.refresh_from_db()
    out = StringIO()
    call_command("create-region-site", "--region", "60", stdout=out)
    assert "Added the pages it lacked: Coach job description, License Agreement, " in out.getvalue()
    assert "Acuerdo de licencia (Español)" in out.getvalue()
    for local_home in HomePage.objects.all():
        assert local_home.job_description_page.live and local_home.licence_page.live
        assert local_home.licence_page.locale_id == local_home.locale_id
    assert AuditEntry.objects.filter(action="site.site.pages_added").count() == 1
    assert add_missing_seed_pages(site60) == []


def test_a_site_built_in_english_only_gets_its_other_languages(world, site60):
    home = site60.site.root_page.specific
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    out = StringIO()
    call_command("create-region-site", "--region", "60", stdout=out)
    assert "Inicio de la Región 60 (Español)" in out.getvalue()
    for code in ("es", "zh-hant", "zh-hans"):
        local_home = HomePage.objects.get(locale__language_code=code)
        assert local_home.translation_key == home.translation_key
        assert local_home.get_children().count() == home.get_children().count()
