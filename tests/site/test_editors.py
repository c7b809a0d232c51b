"""Editing the website: the region's administrators, in the Wagtail admin."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from coachready.org import services
from coachready.org.models import Role
from coachready.site.models import ContactPage, RegionSite
from tests.factories import give_role, make_person


def edit_url(page) -> str:
    return f"/cms/pages/{page.pk}/edit/"


def editor_form(client, page) -> dict:
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def group_members(region) -> set[str]:
    group = RegionSite.objects.get(region=region).editors
    return set(group.user_set.values_list("email", flat=True))


def test_the_regions_rc_rca_and_safety_advocate_are_its_editors(world, site60):
    assert group_members(world.region) == {world.rca.email, world.rc.email, world.safety.email}
    assert RegionSite.objects.get(region=world.region).editors.name == "Region 60 editors"


def test_a_new_role_makes_an_editor_and_a_deleted_one_unmakes_them(world, site60):
    assignment = services.assign_role(world.coach, Role.REGIONAL_COACH_ADMINISTRATOR, region=world.region,
                                      start_on=date(2024, 1, 1))
    assert world.coach.email in group_members(world.region)
    assignment.delete()
    assert world.coach.email not in group_members(world.region)


def test_the_command_catches_roles_that_ended_by_date(world, site60, capsys):
    leaver = make_person(world.region, "Lou", "Leaver")
    assignment = give_role(leaver, Role.REGIONAL_COMMISSIONER, region=world.region)
    assert leaver.email in group_members(world.region)
    type(assignment).objects.filter(pk=assignment.pk).update(end_on=timezone.localdate() - timedelta(days=1))
    call_command("sync-site-editors")
    assert leaver.email not in group_members(world.region)
    assert "Region 60: 0 added, 1 removed" in capsys.readouterr().out
    call_command("sync-site-editors", "--region", "60")
    assert "Region 60: 0 added, 0 removed" in capsys.readouterr().out


def test_the_command_refuses_a_region_without_a_site(world, site60, capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("sync-site-editors", "--region", "61")
    assert exit_.value.code == 2 and "Region 61 has no website" in capsys.readouterr().err


def test_a_region_administrator_edits_and_publishes_a_page(login, world, site60):
    page = ContactPage.objects.get(locale__language_code="en")
    client = login(world.rca)
    data = editor_form(client, page)
    data["title"] = "Write to Region 60"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Write to Region 60" and page.live and not page.has_unpublished_changes
    assert "Write to Region 60" in client.get("/contact/").content.decode()


def test_a_draft_is_saved_without_changing_the_live_page(login, world, site60):
    page = ContactPage.objects.get(locale__language_code="en")
    client = login(world.safety)
    data = editor_form(client, page)
    data["title"] = "Draft title"
    assert client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Contact us" and page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Draft title"


def test_publishing_can_be_scheduled(login, world, site60):
    page = ContactPage.objects.get(locale__language_code="en")
    client = login(world.rc)
    data = editor_form(client, page)
    data["title"] = "Next season's contact page"
    data["go_live_at"] = (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"
    assert client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Contact us"
    assert page.scheduled_revision is not None and page.scheduled_revision.approved_go_live_at is not None


@pytest.mark.parametrize("who", ["other_rca", "coach"])
def test_others_cannot_open_region_60_pages_in_the_editor(login, world, site60, site61, who):
    page = site60.site.root_page.get_children().type(ContactPage).get().specific
    client = login(getattr(world, who))
    response = client.get(edit_url(page))
    assert response.status_code in (302, 403)
    assert client.post(edit_url(page), {"title": "Hijacked", "action-publish": "1"}).status_code in (302, 403)
    page.refresh_from_db()
    assert page.title == "Contact us"


def test_region_61_administrator_edits_their_own_site(login, world, site61):
    page = site61.site.root_page.get_children().type(ContactPage).get().specific
    assert login(world.other_rca).get(edit_url(page)).status_code == 200
