"""The region's inbox: administrators of the region only."""

import pytest

from coachready.org.models import AuditEntry
from coachready.site.models import ContactMessage, InterestNote
from tests.factories import make_person


@pytest.fixture
def message(world, site60):
    return ContactMessage.objects.create(region=world.region, name="Pat Parent", email="pat@example.net",
                                         topic="general", message="When does the season start?")


@pytest.fixture
def interest(world, site60):
    person = make_person(world.region, "Lee", "Wong", user=False, status="prospect")
    return InterestNote.objects.create(region=world.region, person=person, division="8U")


def urls(world, message, interest):
    n = world.region.number
    return [f"/region/{n}/inbox/", f"/region/{n}/inbox/{message.pk}/", f"/region/{n}/inbox/interest/{interest.pk}/"]


@pytest.mark.parametrize("who", ["rca", "rc", "safety", "area_ca", "national"])
def test_region_administrators_read_the_inbox(login, world, message, interest, who):
    client = login(getattr(world, who))
    for url in urls(world, message, interest):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(("who", "status"), [("other_rca", 403), ("coach", 403), ("instructor", 403), (None, 302)])
def test_outsiders_are_refused(login, world, message, interest, who, status):
    client = login(getattr(world, who) if who else None)
    for url in urls(world, message, interest):
        assert client.get(url).status_code == status, url
    n = world.region.number
    assert client.post(f"/region/{n}/inbox/{message.pk}/handled/").status_code == status
    message.refresh_from_db()
    assert message.handled_at is None


def test_another_regions_message_is_not_found_through_my_region(login, world, site60):
    theirs = ContactMessage.objects.create(region=world.other_region, name="X", email="x@example.net",
                                           message="Hello there")
    assert login(world.rca).get(f"/region/60/inbox/{theirs.pk}/").status_code == 404


def test_marking_handled_is_audited_and_moves_the_item(login, world, message):
    client = login(world.rca)
    response = client.post(f"/region/60/inbox/{message.pk}/handled/")
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.handled_at and message.handled_by == world.rca.user
    assert AuditEntry.objects.filter(action="site.contact.handled", object_id=str(message.pk)).count() == 1
    assert "Pat Parent" not in client.get("/region/60/inbox/").content.decode()
    assert "Pat Parent" in client.get("/region/60/inbox/?show=handled").content.decode()
    assert client.get("/region/60/inbox/?show=bogus").status_code == 200
    assert client.get(f"/region/60/inbox/{message.pk}/handled/").status_code == 405


def test_inbox_is_linked_from_the_region_pages(login, world, site60):
    assert 'href="/region/60/inbox/"' in login(world.rca).get("/region/60/").content.decode()


def test_inbox_query_count_does_not_grow_with_the_inbox(login, world, site60, django_assert_max_num_queries):
    client = login(world.rca)
    for n in range(30):
        person = make_person(world.region, "P", f"Prospect{n}", user=False, status="prospect")
        InterestNote.objects.create(region=world.region, person=person)
        ContactMessage.objects.create(region=world.region, name=f"N{n}", email=f"n{n}@example.net", message="m" * 12)
    with django_assert_max_num_queries(25):
        assert client.get("/region/60/inbox/").status_code == 200
