"""Training in the reader's language: emails in the recipient's, pages in
the one the browser asks for, feeds in the one their address names; dates
written as each language writes them."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, translation
from icalendar import Calendar

from coachready.training.services.enrolment import enrol
from tests.training.builders import make_event

pytestmark = pytest.mark.django_db


def in_language(person, language: str):
    """`person` reading `language` (their profile's choice)."""
    person.language = language
    return person


def local_date(day, language: str, fmt: str = "DATE_FORMAT") -> str:
    with translation.override(language):
        return formats.date_format(day, fmt)


def test_an_enrolment_email_to_a_simplified_chinese_reader_arrives_in_chinese(world):
    event = make_event(world.region, title="10U Coach course")
    enrol(event, in_language(world.coach, "zh-hans"))

    email = mail.outbox[-1]
    assert email.to == [world.coach.email]
    assert email.subject == "报名成功：10U Coach course"
    first = event.sessions.order_by("date").first()
    html = email.alternatives[0][0]
    for part in (email.body, html):
        assert "您已报名" in part
        assert local_date(first.date, "zh-hans") in part  # 2026年9月10日
        assert "You are enrolled" not in part and "Hello" not in part
    # The calendar file in the email speaks Chinese too.
    ics = Calendar.from_ical(email.attachments[0][1])
    summaries = {str(item["SUMMARY"]) for item in ics.walk("VEVENT")}
    assert summaries == {"10U Coach course — classroom", "10U Coach course — on the field"}
    assert "报名及详情" in str(next(iter(ics.walk("VEVENT")))["DESCRIPTION"])


def test_each_recipient_reads_their_own_language(world):
    event = make_event(world.region, title="Safe Haven class", course="safe_haven")
    enrol(event, in_language(world.coach, "es"))
    enrol(event, world.referee)

    spanish, english = mail.outbox[-2:]
    assert spanish.subject == "Está inscrito: Safe Haven class" and "Hola, " in spanish.body
    assert english.subject == "You are enrolled: Safe Haven class" and "Hello " in english.body
    # The sender's language does not leak into the next email.
    assert translation.get_language() in ("en", "en-us")


def test_the_calendar_page_in_spanish(world, client):
    event = make_event(world.region, title="10U Coach course")
    with translation.override("es"):
        url = reverse("training:calendar")
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "<h1>Calendario de capacitación</h1>" in page
    assert "Próximos eventos" in page and "Mostrar" in page
    assert "Región 60 · Almansor Park" in page
    assert "20 lugares, 0 ocupados" in page
    first = event.sessions.order_by("date").first()
    assert local_date(first.date, "es") in page  # 10 de septiembre de 2026
    assert local_date(event.enrol_by, "es", "MONTH_DAY_FORMAT") in page
    for english in ("Training calendar", "Upcoming events", "seats,", "enrol by", "No upcoming events"):
        assert english not in page


def test_the_region_feed_speaks_the_language_its_address_names(world, client):
    make_event(world.region, title="Full course", capacity=1, session_days=(10,))
    feeds = {}
    for lang in ("zh-hant", "es", "xx-nonsense", ""):
        body = client.get(reverse("training:region_feed", args=[60]), {"lang": lang}).content
        feeds[lang] = Calendar.from_ical(body)
    assert str(feeds["zh-hant"]["X-WR-CALNAME"]) == "第 60 分區培訓"
    assert str(feeds["es"]["X-WR-CALNAME"]) == "Capacitación de la Región 60"
    assert str(feeds["xx-nonsense"]["X-WR-CALNAME"]) == str(feeds[""]["X-WR-CALNAME"]) == "Region 60 training"
    description = str(next(iter(feeds["es"].walk("VEVENT")))["DESCRIPTION"])
    assert "Inscripción y detalles: http" in description
    # Times are the region's: the feed names America/Los_Angeles.
    assert "America/Los_Angeles" in feeds["es"].to_ical().decode()


def test_the_personal_calendar_link_names_the_language_it_was_made_in(world, login):
    client = login(world.coach)
    client.post(reverse("training:my_feed_link"))
    with translation.override("zh-hans"):
        page = client.get(reverse("training:my"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "?lang=zh-hans" in page
