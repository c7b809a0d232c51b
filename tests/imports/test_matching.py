"""Who a row is about: the order of evidence and the near matches. No database."""

from datetime import date

import pytest

from coachready.imports.matching import Candidate, Identity, PeopleIndex

BORN = date(1979, 9, 30)
WILLIAM = Candidate(1, "William", "Chen", "wchen@example.org", "81000002", BORN)
ANA = Candidate(2, "Ana", "Garcia", "garcia.family@example.org", "", date(1982, 1, 5))
LUIS = Candidate(3, "Luis", "Garcia", "garcia.family@example.org", "", date(1980, 4, 2), preferred_name="Lucho")


@pytest.fixture
def index():
    return PeopleIndex([WILLIAM, ANA, LUIS], foreign_ids={"99999999": 61})


@pytest.mark.parametrize(("who", "kind", "pk"), [
    (Identity(volunteer_id="81000002"), "match", 1),
    (Identity(volunteer_id="81000002", first_name="Bill", last_name="Chen"), "match", 1),
    (Identity(email="WCHEN@example.org", first_name="William", last_name="Chen"), "match", 1),
    (Identity(email="wchen@example.org"), "match", 1),
    (Identity(email="wchen@example.org", first_name="Bill", last_name="Chen", birth_date=BORN), "near", 1),
    (Identity(first_name="Bill", last_name="Chen", birth_date=BORN), "near", 1),
    (Identity(first_name="William", last_name="Chen", birth_date=BORN), "match", 1),
    (Identity(first_name="William", last_name="Chen", birth_date=date(2001, 1, 1)), "none", None),
    (Identity(first_name="William", last_name="Chen"), "match", 1),
    (Identity(first_name="William", last_name="Chen", email="new@example.org"), "near", 1),
    # A family shares one address: the name decides who it is.
    (Identity(email="garcia.family@example.org", first_name="Luis", last_name="Garcia"), "match", 3),
    (Identity(email="garcia.family@example.org", first_name="Lucho", last_name="Garcia"), "match", 3),
    (Identity(email="garcia.family@example.org", first_name="Sofia", last_name="Garcia"), "none", None),
    (Identity(email="garcia.family@example.org"), "conflict", None),
    (Identity(volunteer_id="81000002", first_name="Ana", last_name="Garcia"), "conflict", 1),
    (Identity(volunteer_id="99999999", first_name="Otto", last_name="Outsider"), "conflict", None),
    (Identity(volunteer_id="123", email="wchen@example.org", first_name="William", last_name="Chen"),
     "conflict", 1),
    (Identity(volunteer_id="123", first_name="New", last_name="Person"), "none", None),
])
def test_order_of_evidence(index, who, kind, pk):
    found = index.match(who)
    assert found.kind == kind
    assert (found.person.pk if found.person else None) == pk


def test_someone_added_by_the_file_is_found_by_later_rows(index):
    who = Identity(volunteer_id="555", first_name="Nia", last_name="Long")
    assert index.match(who).kind == "none"
    index.add(Candidate(-1, "Nia", "Long", "", "555"))
    assert index.match(who).kind == "match" and index.match(who).person.pk == -1


@pytest.mark.parametrize(("who", "can"), [
    (Identity(first_name="A", last_name="B", email="a@example.org"), True),
    (Identity(first_name="A", last_name="B", volunteer_id="1"), True),
    (Identity(first_name="A", last_name="B", birth_date=BORN), True),
    (Identity(first_name="A", last_name="B"), False),
    (Identity(email="a@example.org"), False),
])
def test_who_a_records_row_may_create(who, can):
    assert who.can_create == can
