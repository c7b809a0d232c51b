"""Calendar feeds: valid iCalendar, stable UIDs, SEQUENCE up on every change,
so calendar apps update their copy instead of adding a second one."""

from __future__ import annotations

from datetime import time

import pytest
from django.urls import reverse
from icalendar import Calendar

from coachready.training.models import FeedToken
from coachready.training.services.enrolment import cancel_enrollment, enrol
from coachready.training.services.events import cancel_event, update_event, update_session
from tests.training.builders import make_event

pytestmark = pytest.mark.django_db


def vevents(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert str(cal["VERSION"]) == "2.0" and "CoachReady" in str(cal["PRODID"])
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def event_fields(event):
    return {f: getattr(event, f) for f in ("kind", "title", "course", "venue_name", "capacity", "enrol_by")}


def test_the_region_feed_keeps_uids_and_raises_sequence_after_a_change(world, client):
    event = make_event(world.region)
    make_event(world.region, title="Draft course", status="draft")
    url = reverse("training:region_feed", args=[60])
    before = vevents(client, url)
    assert len(before) == 2  # two sessions of the published event; the draft is not public
    uids = set(before)
    assert all(uid.startswith("session-") and uid.endswith("@coachready") for uid in uids)
    for item in before.values():
        assert item.get("DTSTAMP") is not None and item["DTSTART"].dt.tzinfo is not None
        assert str(item["STATUS"]) == "CONFIRMED"

    update_event(event, {**event_fields(event), "venue_name": "Barnes Park"}, instructors=[], user=world.rca.user)
    session = event.sessions.first()
    update_session(session, {"date": session.date, "start": time(19, 0), "end": time(21, 30), "title": "classroom"},
                   user=world.rca.user)

    after = vevents(client, url)
    assert set(after) == uids
    for uid in uids:
        assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
        assert "Barnes Park" in str(after[uid]["LOCATION"])
    assert after[session.calendar_uid]["DTSTART"].dt.hour == 19


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(world, client):
    event = make_event(world.region)
    enrol(event, world.coach)
    cancel_event(event, reason="The field is closed.", user=world.rca.user)
    items = vevents(client, reverse("training:region_feed", args=[60]))
    assert len(items) == 2 and {str(i["STATUS"]) for i in items.values()} == {"CANCELLED"}


def test_the_feed_has_a_timezone_definition(world, client):
    make_event(world.region)
    body = client.get(reverse("training:region_feed", args=[60])).content.decode()
    assert "BEGIN:VTIMEZONE" in body and "TZID=America/Los_Angeles" in body


def test_an_unknown_region_feed_is_404(world, client):
    assert client.get(reverse("training:region_feed", args=[999])).status_code == 404


def test_a_volunteers_feed_shows_their_sessions_by_secret_link_only(world, client, login):
    mine = make_event(world.region, title="Mine")
    make_event(world.region, title="Not mine")
    waiting = make_event(world.region, title="Full", capacity=1)
    enrol(waiting, world.referee)
    enrol(mine, world.coach)
    enrol(waiting, world.coach)
    login(world.coach).post(reverse("training:my_feed_link"))
    token = FeedToken.objects.get(person=world.coach).token

    client.logout()
    items = vevents(client, reverse("training:my_feed", args=[token]))
    assert {str(i["SUMMARY"]).split(" — ")[0] for i in items.values()} == {"Mine", "Full"}
    assert {str(i["STATUS"]) for i in items.values()} == {"CONFIRMED", "TENTATIVE"}

    assert client.get(reverse("training:my_feed", args=["not-a-real-token"])).status_code == 404


def test_re_enrolling_after_cancelling_does_not_duplicate_the_sessions(world, client, login):
    event = make_event(world.region)
    cancel_enrollment(enrol(event, world.coach))
    enrol(event, world.coach)
    login(world.coach).post(reverse("training:my_feed_link"))
    token = FeedToken.objects.get(person=world.coach).token
    body = client.get(reverse("training:my_feed", args=[token])).content.decode()
    assert body.count("BEGIN:VEVENT") == 2 and "STATUS:CANCELLED" not in body


def test_replacing_the_link_stops_the_old_one(world, login):
    client = login(world.coach)
    client.post(reverse("training:my_feed_link"))
    old = FeedToken.objects.get(person=world.coach).token
    client.post(reverse("training:my_feed_link"))
    new = FeedToken.objects.get(person=world.coach).token
    assert old != new
    assert client.get(reverse("training:my_feed", args=[old])).status_code == 404
    assert client.get(reverse("training:my_feed", args=[new])).status_code == 200
