"""Signing up and finding one's volunteer record: by a verified email, by
volunteer id and birth date, or by starting a new record; never twice."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from coachready.notify.models import OutboundEmail
from coachready.org.models import AuditEntry, Person, User
from coachready.org.signup import CLAIM_ATTEMPTS
from tests.factories import make_person

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-signup-password-42"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # allauth counts verification emails per address in the cache; each
    # test starts with none sent.
    cache.clear()


def sign_up(client, email: str):
    """Sign up through the real form and follow the emailed verification link;
    returns the response after verification (signed in)."""
    client.logout()
    mail.outbox.clear()
    response = client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302, response.content[:500]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[1]
    client.post(path)
    return client.get(reverse("core:home"))


def test_three_sign_ups_in_a_row_succeed(world, client):
    for n in range(3):
        sign_up(client, f"newcomer{n}@example.org")
    assert User.objects.filter(email__startswith="newcomer").count() == 3
    assert len(set(User.objects.filter(email__startswith="newcomer").values_list("username", flat=True))) == 3
    # Verification mail goes through the outbox like every email, with both parts.
    sent = OutboundEmail.objects.filter(template="account/email/email_confirmation_signup", status="sent")
    assert sent.count() == 3 and all("confirm-email" in e.html for e in sent)


def test_a_verified_email_links_the_one_matching_volunteer(world, client):
    waiting = make_person(world.region, "Wanda", "Waiting", user=False, email="Wanda.Waiting@Example.org")
    sign_up(client, "wanda.waiting@example.org")
    waiting.refresh_from_db()
    assert waiting.user.email == "wanda.waiting@example.org"
    entry = AuditEntry.objects.get(action="org.person.linked")
    assert (entry.object_id, entry.data["how"]) == (str(waiting.pk), "email")
    # Linked at once: home, not the claim page.
    assert client.get(reverse("org:volunteer_record"))["Location"] == reverse("core:home")


@pytest.mark.parametrize("case", ["two volunteers share it", "its volunteer already has an account"])
def test_an_email_that_is_not_one_free_volunteer_links_nothing(world, client, case):
    make_person(world.region, "Fam", "One", user=False, email="family@example.org")
    if case == "two volunteers share it":
        make_person(world.region, "Fam", "Two", user=False, email="FAMILY@example.org")
    else:
        owner = User.objects.create_user(username="owner", email="owner@example.org")
        Person.objects.filter(email="family@example.org").update(user=owner)
    sign_up(client, "family@example.org")
    user = User.objects.get(email="family@example.org")
    assert user.person_or_none is None
    assert not AuditEntry.objects.filter(action="org.person.linked").exists()


def test_after_sign_in_an_unlinked_volunteer_is_sent_to_the_record_page(world, client):
    sign_up(client, "nobody-yet@example.org")
    response = client.post(reverse("account_login"), {"login": "nobody-yet@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("org:volunteer_record")


def claim(client, volunteer_id: str, birth_date: str):
    return client.post(reverse("org:volunteer_record"), {
        "claim": "", "claim-volunteer_id": volunteer_id, "claim-birth_date": birth_date,
    })


def test_claiming_by_volunteer_id_and_birth_date(world, client):
    record = make_person(world.region, "Ivan", "Imported", user=False, email="", volunteer_id="12345678",
                         birth_date=date(1980, 2, 29))
    sign_up(client, "ivan@example.org")
    response = claim(client, "12345678", "1980-02-29")
    assert response["Location"] == reverse("core:home")
    record.refresh_from_db()
    assert record.user.email == "ivan@example.org"
    assert AuditEntry.objects.get(action="org.person.linked").data["how"] == "volunteer_id"


@pytest.mark.parametrize(("volunteer_id", "birth_date"), [
    ("12345678", "1980-03-01"),   # the right id, the wrong birth date
    ("99999999", "1980-02-29"),   # no such id
    ("already1", "1975-05-05"),   # held by another account
])
def test_a_refused_claim_says_the_same_whatever_went_wrong(world, client, volunteer_id, birth_date):
    make_person(world.region, "Ivan", "Imported", user=False, volunteer_id="12345678", birth_date=date(1980, 2, 29))
    make_person(world.region, "Tess", "Taken", volunteer_id="already1", birth_date=date(1975, 5, 5))
    sign_up(client, "claimer@example.org")
    response = claim(client, volunteer_id, birth_date)
    assert response.status_code == 200
    assert b"could not match that volunteer id and birth date" in response.content
    assert User.objects.get(email="claimer@example.org").person_or_none is None
    assert AuditEntry.objects.filter(action="org.person.claim_refused").count() == 1


def test_claims_are_limited(world, client):
    make_person(world.region, "Ivan", "Imported", user=False, volunteer_id="12345678", birth_date=date(1980, 2, 29))
    sign_up(client, "guesser@example.org")
    for _ in range(CLAIM_ATTEMPTS):
        claim(client, "12345678", "1990-01-01")
    response = claim(client, "12345678", "1980-02-29")  # right at last, but too late
    assert b"Too many attempts" in response.content
    assert User.objects.get(email="guesser@example.org").person_or_none is None


def start(client, region, **overrides):
    data = {"new": "", "new-first_name": "Nina", "new-last_name": "New", "new-region": region.pk,
            "new-birth_date": "1990-04-01", "new-phone": ""}
    data.update({f"new-{k}": v for k, v in overrides.items()})
    return client.post(reverse("org:volunteer_record"), data)


def test_starting_a_new_record_in_the_chosen_region(world, client):
    sign_up(client, "nina@example.org")
    response = start(client, world.other_region)
    assert response["Location"] == reverse("core:home")
    person = Person.objects.get(user__email="nina@example.org")
    assert (person.home_region, person.email, person.status) == (world.other_region, "nina@example.org", "prospect")
    assert AuditEntry.objects.filter(action="org.person.created_at_signup", object_id=str(person.pk)).exists()


def test_sign_up_makes_no_duplicate_volunteers(world, client):
    make_person(world.region, "Dana", "Double", user=False, email="", birth_date=date(1988, 8, 8))
    sign_up(client, "dana@example.org")
    before = Person.objects.count()
    response = start(client, world.region, first_name="dana", last_name="DOUBLE", birth_date="1988-08-08")
    assert b"already has a volunteer record with this name and birth date" in response.content
    start(client, world.region)  # a different person: one record...
    start(client, world.region)  # ...and submitting twice does not make a second
    assert Person.objects.count() == before + 1


@pytest.mark.parametrize("birth_date", ["2999-01-01", "not a date", ""])
def test_a_new_record_needs_a_real_birth_date(world, client, birth_date):
    sign_up(client, "odd@example.org")
    response = start(client, world.region, birth_date=birth_date)
    assert response.status_code == 200
    assert not Person.objects.filter(user__email="odd@example.org").exists()


def test_the_record_page_needs_sign_in(world, client):
    assert client.get(reverse("org:volunteer_record")).status_code == 302


def test_a_record_added_after_sign_up_is_linked_when_the_volunteer_comes_back(world, client):
    sign_up(client, "later@example.org")
    assert User.objects.get(email="later@example.org").person_or_none is None
    imported = make_person(world.region, "Lee", "Later", user=False, email="LATER@example.org")
    response = client.get(reverse("org:volunteer_record"))
    assert response["Location"] == reverse("core:home")
    imported.refresh_from_db()
    assert imported.user.email == "later@example.org"
