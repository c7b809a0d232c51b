"""School Yard curriculum pages and coaches' season plans."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from coachready.org.models import AuditEntry, Role
from coachready.rules.schoolyard import load_curriculum, plan_season
from coachready.schoolyard.models import PlanSession, SeasonPlan
from coachready.teams.models import CoachAssignment, Season, Team
from tests.factories import give_role, make_person


@pytest.fixture
def sy_team(world):
    season = Season.objects.create(region=world.region, membership_year=2026, starts_on=date(2026, 8, 15),
                                   first_game_on=date(2026, 9, 12), ends_on=date(2026, 12, 12))
    team = Team.objects.create(season=season, division="schoolyard", name="Little Kickers")
    CoachAssignment.objects.create(team=team, person=world.coach, role="head_coach")
    return team


@pytest.fixture
def plan(client, login, world, sy_team):
    login(world.coach)
    response = client.post(reverse("schoolyard:plan_new"), {
        "title": "Fall", "team": sy_team.pk, "start": "2026-09-12", "sessions": 12, "skip": "2026-10-31",
    })
    assert response.status_code == 302
    return SeasonPlan.objects.get()


def test_school_yard_coach_plans_a_season(client, login, world, plan):
    """Acceptance: 12 sessions from 2026-09-12 skipping 2026-10-31, week 3
    repeated once, two sessions done; the printout shows the resulting plan."""
    assert plan.region == world.region and plan.team.name == "Little Kickers"
    assert AuditEntry.objects.filter(action="schoolyard.plan.created").exists()
    assert client.post(reverse("schoolyard:plan_repeat", args=[plan.pk]), {"week": 3}).status_code == 302
    for number in (1, 2):
        client.post(reverse("schoolyard:session_mark", args=[plan.pk, number]),
                    {"done": "on", "note": f"good {number}"})
    assert PlanSession.objects.filter(plan=plan, done=True).count() == 2
    assert AuditEntry.objects.filter(action="schoolyard.session.marked").count() == 2
    assert AuditEntry.objects.filter(action="schoolyard.plan.week_repeated").count() == 1

    expected = plan_season(date(2026, 9, 12), 12, [date(2026, 10, 31)], [3])
    response = client.get(reverse("schoolyard:plan_print", args=[plan.pk]))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r.session.date, r.session.week.week) for r in rows] == [(s.date, s.week.week) for s in expected.sessions]
    weeks = [r.session.week.week for r in rows]
    assert weeks == [1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 1]
    dates = [r.session.date for r in rows]
    assert date(2026, 10, 31) not in dates
    assert dates[6] == date(2026, 10, 24) and dates[7] == date(2026, 11, 7)  # the skip moved the rest on
    assert dates[-1] == date(2026, 12, 5)
    assert [r.done for r in rows[:3]] == [True, True, False]
    html = response.content.decode()
    assert "Sat Oct 24, 2026" in html and "Sat Nov 7, 2026" in html and "Oct 31" in html
    assert "repeats weeks 3, 1" in html and "good 2" in html
    assert html.count("<tr>") == 1 + 12


def test_ics_export_has_stable_uids(client, login, world, plan):
    first = Calendar.from_ical(client.get(reverse("schoolyard:plan_ics", args=[plan.pk])).content)
    second = Calendar.from_ical(client.get(reverse("schoolyard:plan_ics", args=[plan.pk])).content)
    events = first.walk("VEVENT")
    assert len(events) == 12
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in second.walk("VEVENT")]
    assert str(events[0]["uid"]) == f"schoolyard-plan-{plan.pk}-session-1@coachready"
    assert events[0].decoded("dtstart") == date(2026, 9, 12)
    assert "week 1" in str(events[0]["summary"])


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"start": "2026-02-30"}, "start", "Enter a valid date"),
        ({"start": ""}, "start", "required"),
        ({"sessions": "0"}, "sessions", "greater than or equal to 1"),
        ({"sessions": "31"}, "sessions", "less than or equal to 30"),
        ({"skip": "2026-10-32"}, "skip", "2026-10-32 is not a date"),
        ({"skip": "2026-10-31\nhalloween"}, "skip", "halloween is not a date"),
        ({"skip": "2026-10-30"}, "skip", "Friday"),  # not a session day
        ({"skip": "2026-09-05"}, "skip", "before the start"),
        ({"start": "9999-12-25"}, "start", "between the years 1900 and 2200"),
        ({"skip": "9999-12-25"}, "skip", "between the years 1900 and 2200"),
    ],
)
def test_bad_plan_input_saves_nothing(client, login, world, sy_team, data, field, message):
    login(world.coach)
    post = {"title": "Fall", "start": "2026-09-12", "sessions": 12, "skip": "", **data}
    response = client.post(reverse("schoolyard:plan_new"), post)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert SeasonPlan.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="schoolyard.").exists()


def test_bad_repeat_and_mark_change_nothing(client, login, world, plan):
    assert client.post(reverse("schoolyard:plan_repeat", args=[plan.pk]), {"week": 11}).status_code == 302
    assert client.post(reverse("schoolyard:session_mark", args=[plan.pk, 13]), {"done": "on"}).status_code == 404
    client.post(reverse("schoolyard:session_mark", args=[plan.pk, 1]), {"done": "on", "note": "x" * 501})
    plan.refresh_from_db()
    assert plan.repeat == []
    assert not PlanSession.objects.exists()


def test_edit_shifts_the_plan_and_is_audited(client, login, world, plan):
    response = client.post(reverse("schoolyard:plan_edit", args=[plan.pk]), {
        "title": "Fall", "start": "2026-09-12", "sessions": 10, "skip": "2026-10-31\n2026-09-26",
    })
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.skip == ["2026-09-26", "2026-10-31"]
    entry = AuditEntry.objects.get(action="schoolyard.plan.updated")
    assert entry.data["sessions"] == [12, 10]


def test_personal_plan_without_a_team(client, login, world):
    login(world.coach)
    response = client.post(reverse("schoolyard:plan_new"), {"title": "Mine", "start": "2026-09-12", "sessions": 10})
    assert response.status_code == 302
    plan = SeasonPlan.objects.get()
    assert plan.team is None and plan.region == world.region


# --- who may do what -------------------------------------------------------

def _plan_urls(plan):
    return [
        ("get", reverse("schoolyard:plan", args=[plan.pk])),
        ("get", reverse("schoolyard:plan_edit", args=[plan.pk])),
        ("get", reverse("schoolyard:plan_print", args=[plan.pk])),
        ("get", reverse("schoolyard:plan_ics", args=[plan.pk])),
        ("post", reverse("schoolyard:plan_repeat", args=[plan.pk])),
        ("post", reverse("schoolyard:session_mark", args=[plan.pk, 1])),
    ]


@pytest.mark.parametrize("who", ["other_coach", "other_rca", "referee"])
def test_outsiders_are_refused(client, login, world, plan, who):
    if who == "other_coach":
        person = make_person(world.region, "Olive", "Othercoach")
        give_role(person, Role.COACH, region=world.region)
    else:
        person = getattr(world, who)
    login(person)
    for method, url in _plan_urls(plan):
        assert getattr(client, method)(url).status_code == 403, url
    assert not PlanSession.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, login, world, plan):
    login(None)
    for method, url in _plan_urls(plan) + [("get", reverse("schoolyard:plans")),
                                           ("get", reverse("schoolyard:plan_new"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


@pytest.mark.parametrize("who", ["rca", "rc", "area_ca"])
def test_region_admins_may_open_plans(client, login, world, plan, who):
    login(getattr(world, who))
    for method, url in _plan_urls(plan):
        assert getattr(client, method)(url).status_code in (200, 302), url


def test_plan_list_shows_only_own_plans(client, login, world, plan):
    assert list(client.get(reverse("schoolyard:plans")).context["plans"]) == [plan]
    login(world.rca)
    assert list(client.get(reverse("schoolyard:plans")).context["plans"]) == []


# --- the curriculum ----------------------------------------------------------

@pytest.mark.parametrize("who", [None, "coach"])
def test_curriculum_is_public(client, login, world, who):
    login(getattr(world, who) if who else None)
    response = client.get(reverse("schoolyard:curriculum"))
    assert response.status_code == 200
    for week in load_curriculum().weeks:
        assert week.title in response.content.decode()


@pytest.mark.parametrize("n", range(1, 11))
def test_each_week_page_shows_the_curriculum_data(client, db, n):
    week = load_curriculum().week(n)
    html = client.get(reverse("schoolyard:week", args=[n])).content.decode()
    assert "print-page" in html
    for activity in week.activities:
        assert f"{activity.minutes} min" in html
        assert "Set-up:" in html and "Easier:" in html and "Harder:" in html
        for point in activity.coaching_points:
            assert point.replace("'", "&#x27;") in html


@pytest.mark.parametrize("n", [0, 11])
def test_unknown_week_is_404(client, db, n):
    assert client.get(reverse("schoolyard:week", args=[n])).status_code == 404


def test_print_all_has_ten_pages(client, db):
    html = client.get(reverse("schoolyard:print_all")).content.decode()
    assert html.count('class="sy-week print-page"') == 10


def test_dropping_a_repeat_moves_the_plan_back(client, login, world, plan):
    client.post(reverse("schoolyard:plan_repeat", args=[plan.pk]), {"week": 3})
    client.post(reverse("schoolyard:plan_repeat", args=[plan.pk]), {"week": 5})
    assert client.post(reverse("schoolyard:plan_drop_repeat", args=[plan.pk, 3])).status_code == 302
    plan.refresh_from_db()
    assert plan.repeat == [5]
    assert AuditEntry.objects.filter(action="schoolyard.plan.repeat_dropped").count() == 1
    client.post(reverse("schoolyard:plan_drop_repeat", args=[plan.pk, 7]))  # not repeated: refused
    plan.refresh_from_db()
    assert plan.repeat == [5]
    login(world.other_rca)
    assert client.post(reverse("schoolyard:plan_drop_repeat", args=[plan.pk, 5])).status_code == 403


@pytest.mark.parametrize(
    ("sessions", "repeats", "expected_sessions", "last_weeks"),
    [
        # A ten-session season holds the festival (week 10): a repeat grows it.
        (10, [3], 11, [9, 10]),
        (10, [3, 7], 12, [9, 10]),
        # A twelve-session season already runs past week 10: it stays as it is.
        (12, [3], 12, [10, 1]),
        # A short season keeps the weeks it held too, and says which it lacks.
        (8, [3], 9, [7, 8]),
    ],
)
def test_a_repeat_never_drops_a_week_silently(client, login, world, sy_team, sessions, repeats, expected_sessions,
                                              last_weeks):
    login(world.coach)
    client.post(reverse("schoolyard:plan_new"), {"title": "Fall", "start": "2026-09-12", "sessions": sessions})
    plan = SeasonPlan.objects.get()
    for week in repeats:
        assert client.post(reverse("schoolyard:plan_repeat", args=[plan.pk]), {"week": week}).status_code == 302
    plan.refresh_from_db()
    assert plan.sessions == expected_sessions
    rows = client.get(reverse("schoolyard:plan_print", args=[plan.pk])).context["rows"]
    assert [r.session.week.week for r in rows][-2:] == last_weeks
    page = client.get(reverse("schoolyard:plan", args=[plan.pk])).content.decode()
    if sessions >= 10:
        assert 10 in [r.session.week.week for r in rows]
        assert "has no session for curriculum week" not in page
    else:
        assert "has no session for curriculum weeks 9, 10" in page


def test_a_repeat_at_the_longest_season_is_refused_and_changes_nothing(client, login, world, sy_team):
    login(world.coach)
    client.post(reverse("schoolyard:plan_new"), {"title": "Fall", "start": "2026-09-12", "sessions": 30})
    plan = SeasonPlan.objects.get()
    SeasonPlan.objects.filter(pk=plan.pk).update(repeat=[1] * 20)
    response = client.post(reverse("schoolyard:plan_repeat", args=[plan.pk]), {"week": 2}, follow=True)
    assert "would leave out week 10" in response.content.decode()
    plan.refresh_from_db()
    assert plan.sessions == 30 and plan.repeat == [1] * 20


def test_plan_events_carry_time_and_place_when_given(client, login, world, sy_team):
    login(world.coach)
    response = client.post(reverse("schoolyard:plan_new"), {
        "title": "Fall", "start": "2026-09-12", "sessions": 10,
        "start_time": "09:00", "end_time": "10:00", "place": "Almansor Park, field 3",
    })
    assert response.status_code == 302
    plan = SeasonPlan.objects.get()
    events = Calendar.from_ical(client.get(reverse("schoolyard:plan_ics", args=[plan.pk])).content).walk("VEVENT")
    start, end = events[0].decoded("dtstart"), events[0].decoded("dtend")
    assert (start.date(), start.hour, end.hour) == (date(2026, 9, 12), 9, 10)
    assert str(start.tzinfo) == "America/Los_Angeles"
    assert str(events[0]["location"]) == "Almansor Park, field 3"
    assert "Almansor Park, field 3" in client.get(reverse("schoolyard:plan", args=[plan.pk])).content.decode()


@pytest.mark.parametrize(
    ("times", "field", "message"),
    [
        ({"start_time": "09:00"}, "end_time", "both the start and the end time"),
        ({"end_time": "10:00"}, "start_time", "both the start and the end time"),
        ({"start_time": "10:00", "end_time": "09:30"}, "end_time", "end after it starts"),
        ({"start_time": "25:00", "end_time": "26:00"}, "start_time", "valid time"),
    ],
)
def test_bad_times_save_nothing(client, login, world, sy_team, times, field, message):
    login(world.coach)
    response = client.post(reverse("schoolyard:plan_new"),
                           {"title": "Fall", "start": "2026-09-12", "sessions": 10, **times})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert SeasonPlan.objects.count() == 0
