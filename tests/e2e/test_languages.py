"""Journeys in the region's languages: a Spanish-reading parent volunteers
through the public site on a phone; a Chinese-reading coach signs up, sees
their checklist and uploads a certificate. Each page must be in the reader's
language (its `lang` and its words), axe-clean, and nothing may overflow."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from coachready.org.models import Person, Role
from coachready.site.services.tree import create_region_site
from tests.e2e.helpers import png_bytes
from tests.factories import give_role, make_person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HAN = re.compile(r"[\u4e00-\u9fff]")
PASSWORD = "a-long-signup-password-42"


def speaks(journey, accept_language: str) -> None:
    journey.page.context.set_extra_http_headers({"Accept-Language": accept_language})


def expect_language(page, code: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", code)


def test_a_spanish_reading_parent_volunteers(journey, world):
    create_region_site(world.region, hostname="localhost", port=80, default=True)
    speaks(journey, "es-MX,es;q=0.9")
    page = journey.page
    journey.goto("/")
    expect_language(page, "es")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    journey.shot("inicio")

    page.locator("main a[href*='coach'], nav a[href*='coach']").first.click()
    page.wait_for_load_state()
    expect_language(page, "es")
    expect(page.locator("main")).to_contain_text(re.compile(r"entrenador|Entrenador"))
    journey.shot("ser entrenador")

    journey.goto("/volunteer/")
    expect_language(page, "es")
    page.locator("input[name=first_name]").fill("Verónica")
    page.locator("input[name=last_name]").fill("Núñez")
    page.locator("input[name=email]").fill("veronica.nunez@example.org")
    page.locator("select[name=division]").select_option("10U")
    journey.shot("formulario")
    page.locator("form:has(input[name=first_name]) button[type=submit]").click()
    page.wait_for_load_state()
    expect_language(page, "es")
    expect(page.locator("main")).to_contain_text(re.compile(r"[Gg]racias"))
    journey.shot("gracias")
    parent = Person.objects.get(email="veronica.nunez@example.org")
    assert parent.language == "es"

    # The switcher keeps the choice: English from here on.
    page.locator(".language-switcher button[lang=en]").click()
    page.wait_for_load_state()
    expect_language(page, "en")
    journey.goto("/")
    expect_language(page, "en")


def test_a_chinese_reading_coach_signs_up_and_uploads(journey, world):
    waiting = make_person(world.region, "建华", "陈", user=False, email="jianhua.chen@example.org")
    give_role(waiting, Role.COACH, region=world.region)
    speaks(journey, "zh-TW,zh;q=0.9")
    page = journey.page
    mail.outbox.clear()
    journey.goto("/accounts/signup/")
    expect_language(page, "zh-hant")
    expect(page.get_by_role("heading", level=1)).to_have_text(HAN)
    page.locator("input[name=email]").fill("jianhua.chen@example.org")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    journey.shot("註冊")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect_language(page, "zh-hant")
    journey.shot("請查收電子郵件")

    message = mail.outbox[-1]
    assert HAN.search(message.subject), message.subject
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    journey.goto("/accounts/" + link.split("/accounts/", 1)[1])
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    waiting.refresh_from_db()
    assert waiting.user is not None and waiting.language == "zh-hant"

    journey.goto("/my/?division=10U")
    expect_language(page, "zh-hant")
    expect(page.get_by_role("heading", level=1)).to_have_text(HAN)
    journey.shot("我的清單")

    page.locator("a[href*='/upload/?requirement=safe_haven']").first.click()
    page.wait_for_load_state()
    expect_language(page, "zh-hant")
    expect(page.locator("select[name=requirement]")).to_have_value("safe_haven")
    page.locator("input[name=completed_on]").fill("2026-08-20")
    page.locator("input[name=evidence]").set_input_files(
        files=[{"name": "safe-haven.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    journey.shot("上傳證書")
    page.locator("form:has(input[name=evidence]) button[type=submit]").click()
    page.wait_for_load_state()
    expect_language(page, "zh-hant")
    journey.shot("已上傳")
    assert waiting.records.filter(evidence__gt="").exists()
