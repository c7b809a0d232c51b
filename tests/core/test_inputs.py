"""Values from requests and forms, read within their real range."""

from datetime import date

import pytest
from django.urls import reverse

from coachready.core.inputs import DateField, parse_date, parse_id, parse_ids


@pytest.mark.parametrize(("raw", "expected"), [
    ("42", 42), (" 7 ", 7), (str(2**63 - 1), 2**63 - 1), (str(2**63), None), ("9" * 30, None), ("0", None),
    ("-1", None), ("1e3", None), ("", None), ("٣", None), ("4\x00", None), ("abc", None),
])
def test_parse_id(raw, expected):
    assert parse_id(raw) == expected


def test_parse_ids_drops_what_cannot_be_an_id_and_stops_at_the_limit():
    assert parse_ids(["1", "9" * 30, "x", "2", "3"], limit=2) == [1, 2]


@pytest.mark.parametrize(("raw", "expected"), [
    ("2026-09-01", date(2026, 9, 1)), ("1900-01-01", date(1900, 1, 1)), ("2200-12-31", date(2200, 12, 31)),
    ("9999-12-31", None), ("1899-12-31", None), ("2026-02-30", None), ("\x00", None),
])
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(("raw", "valid"), [("2026-09-01", True), ("9999-12-25", False), ("0001-01-01", False)])
def test_form_dates_hold_to_the_years_a_season_can_have(raw, valid):
    field = DateField()
    if valid:
        assert field.clean(raw) == date.fromisoformat(raw)
    else:
        with pytest.raises(Exception, match="between the years 1900 and 2200"):
            field.clean(raw)


@pytest.mark.django_db
@pytest.mark.parametrize("people", ["9" * 30, "-1", "x", str(2**63)])
def test_an_absurd_id_in_the_query_string_reaches_no_one(world, login, people):
    response = login(world.rca).get(reverse("certs:email", args=[60]), {"people": people})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ["<script>", "account_login", "//evil.example.org/", "/my/"])
def test_a_signed_in_editor_sent_to_the_cms_sign_in_is_never_a_server_error(world, login, next_url):
    world.rca.user.is_superuser = True
    world.rca.user.save()
    response = login(world.rca).get("/cms/login/", {"next": next_url})
    # One sign-in door: a signed-in editor the CMS turned away is refused
    # here rather than sent round to sign in again, whatever `next` says.
    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/search/?q=a%00b", "/region/60/people/?q=%00", "/cms/workflows/tasks/add/a%00b/c/",
                                 "/region/60/people/?%00=1"])
def test_a_nul_in_an_address_is_a_bad_request(world, login, url):
    assert login(world.rca).get(url).status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("chosen", ["9" * 30, "-9999999999999999999999999", "1e309", "x"])
def test_an_impossible_id_among_chosen_instructors_is_a_form_error(world, login, chosen):
    client = login(world.rca)
    response = client.post("/region/60/training/new/", {"kind": "course", "title": "10U", "instructors": chosen})
    assert response.status_code == 200
    assert "instructors" in response.context["form"].errors
