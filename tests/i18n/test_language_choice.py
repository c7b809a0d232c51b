"""Which language a reader gets, and the switcher on every page."""

import re

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from coachready.core import language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("es-MX,es;q=0.9,en;q=0.8", "es"),
        ("zh-TW,zh;q=0.9", "zh-hant"),
        ("zh-HK", "zh-hant"),
        ("zh-CN,zh;q=0.9", "zh-hans"),
        ("zh", "zh-hans"),
        ("zh-Hant-TW", "zh-hant"),
        ("fr-FR,es;q=0.5", "es"),
        ("en-US,en;q=0.9,es;q=0.8", "en"),
        ("de-DE", "en"),
        ("", "en"),
        ("*", "en"),
        ("x" * 900, "en"),
    ],
)
def test_the_browser_language_is_the_first_one_offered_that_is_spoken(accept, expected):
    request = RequestFactory().get("/my/", HTTP_ACCEPT_LANGUAGE=accept)
    assert language.choose(request)[0] == expected


@pytest.mark.parametrize(
    ("path", "cookie", "accept", "expected"),
    [
        ("/es/", "zh-hans", "en", ("es", "path")),
        ("/zh-hant/become-a-coach/", None, "es", ("zh-hant", "path")),
        ("/", "zh-hans", "es", ("zh-hans", "cookie")),
        ("/", "klingon", "es", ("es", "browser")),
        ("/", None, None, ("en", "default")),
    ],
)
def test_an_address_prefix_beats_the_cookie_which_beats_the_browser(path, cookie, accept, expected):
    request = RequestFactory().get(path, **({"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}))
    if cookie:
        request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = cookie
    assert language.choose(request) == expected


@pytest.mark.parametrize(("asked", "lang"), [("es", "es"), ("zh-TW", "zh-hant"), ("zh-CN", "zh-hans"), ("en", "en")])
def test_the_sign_in_page_answers_in_the_browser_language_with_lang_set(asked, lang):
    response = Client().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=asked)
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()
    assert response["Content-Language"] == lang
    assert "Accept-Language" in response["Vary"]


def test_the_switcher_remembers_the_choice_and_goes_back_in_the_new_language():
    client = Client()
    response = client.post("/language/", {"language": "zh-hans", "next": "/es/become-a-coach/"})
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/become-a-coach/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    page = client.get("/accounts/login/")
    assert '<html lang="zh-hans">' in page.content.decode()
    back = client.post("/language/", {"language": "en", "next": "/zh-hans/become-a-coach/"})
    assert back["Location"] == "/become-a-coach/"


@pytest.mark.parametrize("chosen", ["", "klingon", "zz", "<script>", "es\x00", "x" * 500])
def test_a_language_not_offered_is_refused_with_a_message(chosen):
    response = Client().post("/language/", {"language": chosen, "next": "/"})
    assert response.status_code == 400
    assert "Choose one of the languages" in response.content.decode()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "/\\evil", ""])
def test_the_switcher_only_goes_back_to_this_site(next_url):
    response = Client().post("/language/", {"language": "es", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_the_switcher_is_on_every_page_with_each_language_in_its_own_name():
    page = Client().get("/accounts/login/").content.decode()
    for code, name in settings.LANGUAGES:
        assert re.search(f'value="{code}" lang="{code}"( aria-current="true")?>{name}</button>', page)


def test_a_visitor_needs_no_token_but_a_signed_in_person_does(world):
    coach = world.coach
    client = Client(enforce_csrf_checks=True)
    assert client.post("/language/", {"language": "es", "next": "/"}).status_code == 302
    client.force_login(coach.user)
    assert client.post("/language/", {"language": "es", "next": "/"}).status_code == 403


def test_the_cached_menu_follows_the_language_of_the_page(world, login):
    """A menu is cached per person; a hook may build finished words, so the
    cache keeps one menu per language."""
    client = login(world.coach)
    assert ">Capacitación<" in client.get("/app/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert ">培訓<" in client.get("/app/", HTTP_ACCEPT_LANGUAGE="zh-TW").content.decode()
    assert ">Training<" in client.get("/app/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.mark.parametrize("accept", ["zh-CN", "zh-TW", "es"])
def test_a_date_box_holds_the_date_as_browsers_read_it_in_every_language(world, login, accept):
    """Chinese writes dates 1985/03/14; a date input's value must stay ISO."""
    from datetime import date

    world.coach.birth_date = date(1985, 3, 14)
    world.coach.save()
    page = login(world.rca).get(f"/people/{world.coach.pk}/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert 'type="date" name="birth_date" value="1985-03-14"' in page
