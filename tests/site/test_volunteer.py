"""Recruiting: the volunteer interest form creates a pending volunteer."""

from django.core import mail

from coachready.org.models import AuditEntry, Person
from coachready.site.models import InterestNote
from tests.factories import make_person

GOOD = {"first_name": "Lee", "last_name": "Wong", "email": "lee.wong@example.net", "phone": "626-555-0101",
        "division": "10U", "message": "I played in college.", "website": ""}


def test_interest_creates_a_prospect_audits_it_and_emails_the_rca(client, world, site60):
    response = client.post("/volunteer/", GOOD)
    assert response.status_code == 302
    note = InterestNote.objects.select_related("person").get()
    person = note.person
    assert person.status == Person.Status.PROSPECT and person.home_region == world.region
    assert (person.first_name, person.email, note.division) == ("Lee", "lee.wong@example.net", "10U")
    assert AuditEntry.objects.filter(action="site.interest.received", region=world.region).exists()
    notice, ack = mail.outbox
    assert notice.to == [world.rca.email] and "Lee Wong" in notice.subject
    assert ack.to == ["lee.wong@example.net"]


def test_interest_appears_in_the_rca_inbox(login, world, site60, client):
    client.post("/volunteer/", GOOD)
    html = login(world.rca).get(f"/region/{world.region.number}/inbox/").content.decode()
    assert "Lee Wong" in html and "10U" in html


def test_writing_again_does_not_duplicate_the_volunteer(client, world, site60):
    existing = make_person(world.region, "Lee", "Wong", user=False, email="Lee.Wong@example.net")
    client.post("/volunteer/", GOOD)
    assert InterestNote.objects.get().person == existing
    assert Person.objects.filter(email__iexact="lee.wong@example.net").count() == 1


def test_bad_division_and_honeypot_store_nothing(client, site60):
    assert client.post("/volunteer/", {**GOOD, "division": "99U"}).status_code == 200
    assert client.post("/volunteer/", {**GOOD, "website": "spam"}).status_code == 200
    assert not InterestNote.objects.exists() and not Person.objects.filter(email="lee.wong@example.net").exists()


def test_the_form_offers_the_policy_divisions(client, site60):
    html = client.get("/volunteer/").content.decode()
    assert '<option value="14U">14U</option>' in html and "Not sure yet" in html
