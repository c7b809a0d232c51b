"""A person's language: chosen at sign-up, on /my/language/, or by their
region's administrators; refused when it is not one of the four; and the
region administration pages, errors and the page frame read in Spanish and
Chinese."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from coachready.org.language import language_of
from coachready.org.models import AuditEntry, Person, User
from tests.factories import make_person

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-signup-password-42"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@contextmanager
def reading(client, language: str):
    """The client reads in `language`: the browser asks for it, the language
    cookie holds it, and the thread has it active."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    try:
        with translation.override(language):
            yield client
    finally:
        client.defaults.pop("HTTP_ACCEPT_LANGUAGE", None)
        client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)


def sign_up(client, email: str, **extra: str):
    client.logout()
    mail.outbox.clear()
    response = client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    )
    assert response.status_code == 302, response.content[:500]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    client.post(link.split("testserver", 1)[1])
    return User.objects.get(email=email)


@pytest.mark.parametrize(("code", "expected"), [
    ("", "en"), ("es", "es"), ("zh-hant", "zh-hant"), ("zh-hans", "zh-hans"), ("klingon", "en"),
])
def test_the_language_mail_is_written_in(code, expected):
    assert language_of(Person(language=code)) == expected


def test_sign_up_offers_every_language_in_its_own_name_first_the_pages(world, client):
    with reading(client, "zh-hans"):
        body = client.get(reverse("account_signup")).content.decode()
    assert '<option value="zh-hans" selected>简体中文</option>' in body
    for code, name in settings.LANGUAGES:
        assert f'value="{code}"' in body and name in body
    assert "语言" in body


def test_the_language_chosen_at_sign_up_is_the_volunteer_records(world, client):
    waiting = make_person(world.region, "Wanda", "Waiting", user=False, email="wanda@example.org")
    user = sign_up(client, "wanda@example.org", language="zh-hant")
    waiting.refresh_from_db()
    assert (user.language, waiting.user, waiting.language) == ("zh-hant", user, "zh-hant")


def test_a_record_started_after_sign_up_takes_the_accounts_language(world, client):
    sign_up(client, "nuevo@example.org", language="es")
    client.post(reverse("org:volunteer_record"), {
        "new": "", "new-first_name": "Nico", "new-last_name": "Nuevo", "new-region": world.region.pk,
        "new-birth_date": "1985-06-01",
    })
    assert Person.objects.get(email="nuevo@example.org").language == "es"


def test_a_language_already_on_the_record_is_kept_when_the_account_links(world, client):
    waiting = make_person(world.region, "Lin", "Li", user=False, email="lin@example.org", language="zh-hans")
    sign_up(client, "lin@example.org", language="en")
    waiting.refresh_from_db()
    assert waiting.language == "zh-hans"


def test_a_sign_up_that_names_no_language_gets_the_pages(world, client):
    with reading(client, "es"):
        user = sign_up(client, "sin-idioma@example.org")
    assert user.language == "es"


@pytest.mark.parametrize("hostile", ["klingon", "ES", "zh", "<script>", "es\x00", "e" * 500])
def test_sign_up_refuses_a_language_that_is_not_offered(world, client, hostile):
    response = client.post(reverse("account_signup"), {
        "email": "odd@example.org", "password1": PASSWORD, "password2": PASSWORD, "language": hostile,
    })
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not User.objects.filter(email="odd@example.org").exists()


def test_my_language_is_saved_audited_and_remembered(world, login):
    client = login(world.coach)
    assert client.get(reverse("org:my_language")).status_code == 200
    response = client.post(reverse("org:my_language"), {"language": "zh-hant"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hant"
    world.coach.refresh_from_db()
    assert world.coach.language == "zh-hant"
    entry = AuditEntry.objects.get(action="org.person.language_changed")
    assert (entry.object_id, entry.data["language"], entry.actor) == (str(world.coach.pk), ["", "zh-hant"],
                                                                        world.coach.user)
    # The confirmation is already in the new language.
    with reading(client, "zh-hant"):
        body = client.get(reverse("org:my_language")).content.decode()
    assert "網頁和電子郵件將使用繁體中文。" in body


def test_choosing_the_same_language_again_writes_nothing(world, login):
    world.coach.language = "es"
    world.coach.save()
    login(world.coach).post(reverse("org:my_language"), {"language": "es"})
    assert not AuditEntry.objects.filter(action="org.person.language_changed").exists()


def test_an_account_without_a_record_keeps_its_language_until_it_has_one(world, client):
    user = User.objects.create_user(username="u-lone", email="lone@example.org", password=PASSWORD)
    client.force_login(user)
    client.post(reverse("org:my_language"), {"language": "es"})
    user.refresh_from_db()
    assert user.language == "es"
    assert AuditEntry.objects.get(action="org.person.language_changed").object_type == "org.user"


@pytest.mark.parametrize("hostile", ["klingon", "", "EN", "zh_Hans", "<b>es</b>", "es\x00", "1" * 300])
def test_my_language_refuses_what_is_not_a_language_with_a_clear_message(world, login, hostile):
    world.coach.language = "es"
    world.coach.save()
    response = login(world.coach).post(reverse("org:my_language"), {"language": hostile})
    assert response.status_code == 400
    body = response.content.decode()
    # Answered, beside the field, in the coach's own language: Spanish.
    assert 'id="id_language_error"' in body and '<html lang="es">' in body
    assert "Select a valid choice" not in body and "This field is required" not in body
    world.coach.refresh_from_db()
    assert world.coach.language == "es"
    assert not AuditEntry.objects.filter(action="org.person.language_changed").exists()


def test_the_regions_administrator_sets_a_volunteers_language_on_their_page(world, login):
    person = world.coach
    data = {"first_name": person.first_name, "last_name": person.last_name, "email": person.email,
            "language": "zh-hans"}
    response = login(world.rca).post(reverse("org:person", args=[person.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == "zh-hans"
    entry = AuditEntry.objects.get(action="org.person.updated")
    assert entry.data["language"] == ["", "zh-hans"]


def test_the_volunteers_page_refuses_an_unknown_language(world, login):
    person = world.coach
    data = {"first_name": person.first_name, "last_name": person.last_name, "language": "xx"}
    response = login(world.rca).post(reverse("org:person", args=[person.pk]), data)
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    person.refresh_from_db()
    assert person.language == ""


def test_the_home_page_offers_the_language_page(world, login):
    body = login(world.coach).get(reverse("core:home")).content.decode()
    assert reverse("org:my_language") in body


# The region administration pages and the page frame, read in other languages.
PAGES = [
    ("es", "org:people", "Voluntarios de la Región 60"),
    ("es", "org:roles", "Asignar una función"),
    ("es", "org:audit", "Registro de auditoría de la Región 60"),
    ("zh-hans", "org:region", "目前担任职务的人"),
    ("zh-hans", "org:people", "姓名、电子邮件或志愿者编号"),
    ("zh-hant", "org:roles", "指派職務"),
    ("zh-hant", "org:audit", "稽核紀錄"),
]


@pytest.mark.parametrize(("language", "name", "words"), PAGES)
def test_region_administration_reads_in_the_chosen_language(world, login, language, name, words):
    client = login(world.rca)
    with reading(client, language):
        body = client.get(reverse(name, args=[60])).content.decode()
    assert words in body


@pytest.mark.parametrize(("language", "words"), [
    ("es", ["Ir al contenido", "Cerrar sesión", "Bienvenido/a, Casey Coach", "Mis datos", "Idioma"]),
    ("zh-hans", ["跳至主要内容", "退出登录", "欢迎，Casey Coach", "我的资料", "语言"]),
    ("zh-hant", ["跳至主要內容", "登出", "歡迎，Casey Coach", "我的資料", "語言"]),
])
def test_the_home_page_and_its_frame_read_in_the_chosen_language(world, login, language, words):
    client = login(world.coach)
    with reading(client, language):
        body = client.get(reverse("core:home")).content.decode()
    for word in words:
        assert word in body


def test_the_volunteers_own_page_reads_in_chinese(world, login):
    client = login(world.coach)
    with reading(client, "zh-hans"):
        body = client.get(reverse("org:person", args=[world.coach.pk])).content.decode()
    assert "联系方式" in body and "名字" in body and "教练" in body


def test_not_found_and_not_allowed_read_in_spanish(world, login):
    client = login(world.coach)
    with reading(client, "es"):
        missing = client.get("/no-such-page-at-all/")
        refused = client.get(reverse("org:people", args=[60]))
    assert "No encontramos esa página" in missing.content.decode()
    assert refused.status_code == 403 and "No puede abrir esta página" in refused.content.decode()


def test_a_form_error_reads_in_spanish(world, login):
    client = login(world.rca)
    with reading(client, "es"):
        body = client.post(reverse("org:roles", args=[60]), {
            "person": world.coach.pk, "role": "coach", "start_on": "2026-05-01", "end_on": "2026-04-01",
        }).content.decode()
    assert "Una función no puede terminar antes de comenzar." in body


def test_the_sign_in_page_keeps_allauths_own_words(world, client):
    with reading(client, "zh-hans"):
        body = client.get(reverse("account_login")).content.decode()
    assert "登录" in body


def test_a_volunteer_record_claim_refusal_reads_in_chinese(world, client):
    sign_up(client, "claimer@example.org")
    make_person(world.region, "Ivan", "Imported", user=False, volunteer_id="12345678", birth_date=date(1980, 2, 29))
    with reading(client, "zh-hant"):
        body = client.post(reverse("org:volunteer_record"), {
            "claim": "", "claim-volunteer_id": "12345678", "claim-birth_date": "1999-01-01",
        }).content.decode()
    assert "我們找不到符合該義工編號和出生日期" in body


def test_the_menu_kept_in_the_cache_reads_in_each_language(world, login):
    client = login(world.rca)
    assert ">Region admin</a>" in client.get(reverse("core:home")).content.decode()
    with reading(client, "es"):
        assert ">Administración de la región</a>" in client.get(reverse("core:home")).content.decode()
    with reading(client, "zh-hant"):
        assert ">分區管理</a>" in client.get(reverse("core:home")).content.decode()
