"""The region's public site in English, Spanish, Traditional and Simplified
Chinese: every default page a Wagtail translation of the English one, served
under its language's prefix, with menus, footers and forms in that language,
and editors translating pages from the CMS."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import Locale, Page

from coachready.site.models import HomePage, InterestNote, StandardPage
from coachready.site.services.tree import SEED_PAGES

LANGUAGES = ("en", "es", "zh-hant", "zh-hans")
PREFIX = {"en": "", "es": "/es", "zh-hant": "/zh-hant", "zh-hans": "/zh-hans"}

# What a reader of each language sees on the home page: the hero heading,
# and the menu entry and footer link that lead to that language's pages.
HOME = [
    ("es", "Programas de fútbol juvenil de primer nivel",
     '<a href="/es/become-a-coach/">Hágase entrenador</a>',
     '<a href="/es/privacy/">Declaración de privacidad</a>'),
    ("zh-hant", "世界一流的青少年足球計畫",
     '<a href="/zh-hant/become-a-coach/">成為教練</a>',
     '<a href="/zh-hant/privacy/">隱私權聲明</a>'),
    ("zh-hans", "世界一流的青少年足球项目",
     '<a href="/zh-hans/become-a-coach/">成为教练</a>',
     '<a href="/zh-hans/privacy/">隐私声明</a>'),
]

VOLUNTEER = {"first_name": "Lucía", "last_name": "Núñez", "email": "lucia.nunez@example.net", "phone": "",
             "division": "8U", "message": "", "website": ""}


def _default_pages(site60) -> list[Page]:
    home = site60.site.root_page
    return [home, *home.get_children()]


def test_every_default_page_exists_in_the_four_languages_as_a_translation(site60):
    pages = _default_pages(site60)
    assert len(pages) == 1 + len(SEED_PAGES)
    for page in pages:
        translations = {p.locale.language_code: p for p in page.get_translations(inclusive=True)}
        assert sorted(translations) == sorted(LANGUAGES), page.slug
        for code, translation in translations.items():
            assert translation.live and translation.translation_key == page.translation_key
            if page.depth > 2:
                # Same address in every language but for the prefix.
                assert translation.slug == page.slug
                assert translation.get_parent().locale.language_code == code
        titles = {translations[code].title for code in LANGUAGES}
        assert len(titles) == (1 if page.slug == "school-yard" else 4), page.slug  # the programme keeps its name


def test_each_language_has_its_own_locale_and_home_page(site60):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)
    homes = HomePage.objects.filter(translation_key=site60.site.root_page.translation_key)
    assert sorted(h.locale.language_code for h in homes) == sorted(LANGUAGES)
    for home in homes:
        for field in ("become_coach_page", "contact_page", "privacy_page", "licence_page"):
            assert getattr(home, field).locale_id == home.locale_id, (home.locale, field)


@pytest.mark.parametrize(("language", "hero", "menu_link", "footer_link"), HOME)
def test_the_language_prefix_serves_that_languages_home_with_its_menu_and_footer(
    client, site60, language, hero, menu_link, footer_link
):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert hero in html and menu_link in html and footer_link in html
    assert f'href="/{language}/volunteer/"' in html
    assert "World class youth soccer" not in html


def test_english_stays_at_the_root(client, site60):
    html = client.get("/").content.decode()
    assert "World class youth soccer programs" in html
    assert '<a href="/become-a-coach/">Become a coach</a>' in html


def test_every_page_answers_in_every_language(client, site60):
    for page in _default_pages(site60):
        path = "/" if page.depth == 2 else f"/{page.slug}/"
        for language in LANGUAGES:
            url = PREFIX[language] + path
            response = client.get(url)
            assert response.status_code == 200, url
            translated = page.get_translation(Locale.objects.get(language_code=language))
            title = translated.seo_title or translated.title
            assert f"<title>{title}".replace("'", "&#x27;") in response.content.decode(), url


def test_the_live_pages_speak_the_readers_language(client, site60):
    spanish = client.get("/es/heading-the-ball/").content.decode()
    assert "Reglas de cabeceo por división" in spanish and "un tiro libre indirecto" in spanish
    chinese = client.get("/zh-hant/become-a-coach/").content.decode()
    assert "成為教練的步驟" in chinese and "每位教練都需要的" in chinese


def test_the_cached_public_pages_are_kept_per_language(client, site60):
    assert "Declaración de privacidad" in client.get("/es/privacy/").content.decode()
    assert "Privacy statement" in client.get("/privacy/").content.decode()
    assert "隐私声明" in client.get("/zh-hans/privacy/").content.decode()
    # Served again from the cache, each still in its own language.
    assert "Declaración de privacidad" in client.get("/es/privacy/").content.decode()
    assert "Declaración de privacidad" not in client.get("/privacy/").content.decode()


def test_publishing_a_translation_replaces_its_cached_page(client, site60):
    assert "Declaración de privacidad" in client.get("/es/privacy/").content.decode()
    page = StandardPage.objects.get(slug="privacy", locale__language_code="es", url_path__startswith="/region-60")
    page.title = "Nuestro compromiso de privacidad"
    page.save_revision().publish()
    assert "Nuestro compromiso de privacidad" in client.get("/es/privacy/").content.decode()


def test_a_parent_volunteers_in_spanish_and_is_thanked_in_spanish(client, world, site60):
    form = client.get("/es/volunteer/").content.decode()
    assert "División que le gustaría entrenar" in form and "Todavía no lo sé" in form
    response = client.post("/es/volunteer/", VOLUNTEER, follow=True)
    assert response.redirect_chain[-1][0] == "/es/volunteer/"
    html = response.content.decode()
    assert "¡Gracias! El Administrador Regional de Entrenadores se comunicará con usted" in html
    assert InterestNote.objects.get().person.last_name == "Núñez"
    notice, ack = mail.outbox
    # The parent reads their acknowledgement in Spanish; the region its notice in English.
    assert ack.to == [VOLUNTEER["email"]] and ack.subject.startswith("Gracias por ofrecerse como voluntario")
    assert "¡Gracias por ofrecerse como entrenador" in ack.body and "8U" in ack.body
    assert notice.subject == "New volunteer coach interest: Lucía Núñez"


def test_a_message_written_from_the_chinese_contact_page_is_thanked_in_chinese(client, world, site60):
    form = client.get("/zh-hant/contact/").content.decode()
    assert "您的姓名" in form and "安全或兒童保護" in form
    response = client.post("/zh-hant/contact/", {"name": "陳美玲", "email": "meiling@example.net", "topic": "safety",
                                                 "message": "請問練習場地在哪裡？謝謝。", "website": ""}, follow=True)
    assert response.redirect_chain[-1][0] == "/zh-hant/contact/"
    assert "謝謝您。您的訊息已送達分區" in response.content.decode()
    ack = mail.outbox[-1]
    assert ack.to == ["meiling@example.net"] and "我們已收到您的訊息" in ack.subject
    assert "安全或兒童保護" in ack.body


def test_a_spanish_form_error_is_in_spanish(client, site60):
    html = client.post("/es/volunteer/", {**VOLUNTEER, "email": "no es un correo"}).content.decode()
    assert "Introduzca una dirección de correo electrónico válida" in html


def test_search_finds_the_pages_of_the_language_being_read(client, site60):
    html = client.get("/es/search/", {"q": "cabeceo"}).content.decode()
    assert 'href="/es/heading-the-ball/"' in html
    assert 'href="/heading-the-ball/"' not in html


def test_an_editor_translates_a_new_page_into_spanish_from_the_cms(login, world, site60):
    home = site60.site.root_page.specific
    page = home.add_child(instance=StandardPage(title="Picture day", slug="picture-day", intro="Team photos."))
    page.save_revision().publish()
    client = login(world.rca)
    spanish = Locale.objects.get(language_code="es")
    form = client.get(f"/cms/translation/submit/page/{page.pk}/")
    assert form.status_code == 200
    response = client.post(f"/cms/translation/submit/page/{page.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 302
    translated = page.get_translation(spanish).specific
    assert response["Location"] == f"/cms/pages/{translated.pk}/edit/"
    assert translated.get_parent().specific == home.get_translation(spanish)
    assert translated.translation_key == page.translation_key and not translated.live

    # The editor writes the Spanish words in the ordinary editor and publishes.
    from tests.site.test_editors import edit_url, editor_form

    data = editor_form(client, translated)
    data["title"] = "Día de fotos"
    data["intro"] = "Fotos de los equipos."
    data["body-count"] = "0"  # the empty body, as the editor's script sends it
    data["action-publish"] = "action-publish"
    assert client.post(edit_url(translated), data).status_code == 302
    html = client.get("/es/picture-day/").content.decode()
    assert "Día de fotos" in html and "Fotos de los equipos." in html
    assert "Picture day" in client.get("/picture-day/").content.decode()


def test_an_outsider_cannot_translate_region_60s_pages(login, world, site60, site61):
    page = site60.site.root_page.get_children().get(slug="privacy")
    client = login(world.other_rca)
    response = client.post(f"/cms/translation/submit/page/{page.pk}/", {"locales": []})
    assert response.status_code in (302, 403)


def test_the_migration_moves_an_en_us_site_to_en_and_adds_the_other_languages(db):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("coachready.site.migrations.0004_site_languages")
    # A transactional test before this one may have emptied the tables the
    # migrations filled.
    english, _ = Locale.objects.get_or_create(language_code="en")
    Locale.objects.exclude(pk=english.pk).delete()
    Locale.objects.filter(pk=english.pk).update(language_code="en-us")  # as installed before the languages
    migration.add_locales(apps, None)
    migration.add_locales(apps, None)  # and again: nothing more
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)
    assert Locale.objects.get(language_code="en").pk == english.pk
