"""A team's practice heading log and the region summary."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from coachready.heading.models import Player, PlayerHeaders, Practice
from coachready.heading.services.practices import add_player, log_practice
from coachready.heading.services.review import practice_request, week_start
from coachready.org.models import AuditEntry
from coachready.teams.models import CoachAssignment, Team
from tests.heading.engine import cli_heading as run_heading


def _log(client, team, day, minutes, **headers):
    data = {"date": day, "heading_minutes": minutes, "note": ""}
    data.update({f"headers_{Player.objects.get(team=team, local_id=pid.replace('_', '-')).pk}": n
                 for pid, n in headers.items()})
    return client.post(reverse("heading:log_practice", args=[team.pk]), data)


def test_14u_coach_logs_two_practices_over_the_weekly_minutes(client, login, world, team14):
    """Acceptance: 20 + 15 minutes in one week is a minutes_exceeded violation,
    and the region summary lists it."""
    login(world.coach)
    add_player(team14, "Ana")
    assert _log(client, team14, "2026-09-08", 20, p_1=12).status_code == 302
    assert _log(client, team14, "2026-09-10", 15, p_1=4).status_code == 302
    assert Practice.objects.filter(team=team14).count() == 2

    page = client.get(reverse("heading:team_log", args=[team14.pk]))
    ((week, totals),) = page.context["weeks"]
    assert totals == [("Ana", "p-1", 16, "warning")]
    assert "close to the limit" in page.content.decode()
    assert week.week_of == date(2026, 9, 7)  # weeks start on Monday
    assert week.result["heading_minutes"] == 35
    assert [v["code"] for v in week.result["violations"]] == ["minutes_exceeded"]
    assert week.result["warnings"][0]["code"] == "headers_high"  # 16 headers: above 15
    assert "Over the limit" in page.content.decode()
    # The page says what `coachready heading` says for the same week.
    assert {k: week.result[k] for k in ("compliant", "heading_minutes", "violations", "warnings")} == {
        k: v for k, v in run_heading(week.request).items()
        if k in ("compliant", "heading_minutes", "violations", "warnings")
    }

    login(world.safety)
    summary = client.get(reverse("heading:region_summary", args=[60]))
    assert summary.status_code == 200
    (row,) = summary.context["weeks"]
    assert row.team == team14 and row.week_of == date(2026, 9, 7)
    assert "Over the limit" in summary.content.decode()
    assert "Galaxy" in summary.content.decode()


@pytest.mark.parametrize(
    ("division", "minutes", "headers", "violations", "warnings"),
    [
        ("14U", 30, 15, [], []),
        ("14U", 30, 16, [], ["headers_high"]),
        ("14U", 30, 20, [], ["headers_high"]),
        ("14U", 30, 21, ["headers_exceeded"], []),
        ("14U", 31, 0, ["minutes_exceeded"], []),
        ("12U", 1, 0, ["heading_banned"], []),
        ("10U", 0, 1, ["heading_banned"], []),
        ("10U", 0, 0, [], []),
        ("16U", 90, 60, [], []),
    ],
)
def test_week_limits_table(world, season, division, minutes, headers, violations, warnings):
    team = Team.objects.create(season=season, division=division, name=f"T{division}")
    player = add_player(team, "Ana")
    practice = log_practice(team, day=date(2026, 9, 9), heading_minutes=minutes, headers={player: headers})
    request = practice_request(division, week_start(practice.date), [practice],
                               {practice.pk: {"p-1": headers} if headers else {}})
    result = run_heading(request)
    assert [v["code"] for v in result["violations"]] == violations
    assert [w["code"] for w in result["warnings"]] == warnings


def test_logging_and_correcting_are_audited(client, login, world, team14):
    login(world.coach)
    add_player(team14, "Ana")
    _log(client, team14, "2026-09-08", 20, p_1=3)
    practice = Practice.objects.get(team=team14)
    assert AuditEntry.objects.filter(action="heading.practice.logged", object_id=str(practice.pk),
                                     region=world.region).exists()
    response = client.post(reverse("heading:correct_practice", args=[team14.pk, practice.pk]), {
        "date": "2026-09-08", "heading_minutes": 10,
        f"headers_{Player.objects.get(team=team14).pk}": 5, "note": "miscounted",
    })
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.heading_minutes == 10
    assert PlayerHeaders.objects.get(practice=practice).headers == 5
    entry = AuditEntry.objects.get(action="heading.practice.corrected")
    assert entry.data["heading_minutes"] == [20, 10]
    assert entry.data["headers"] == [{"p-1": 3}, {"p-1": 5}]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"heading_minutes": -5}, "heading_minutes", "greater than or equal to 0"),
        ({"heading_minutes": "lots"}, "heading_minutes", "Enter a whole number"),
        ({"date": "2026-02-30"}, "date", "Enter a valid date"),
        ({"date": "2027-03-01"}, "date", "season"),
        ({"date": ""}, "date", "required"),
        ({"headers": -1}, "headers", "greater than or equal to 0"),
    ],
)
def test_bad_practice_input_saves_nothing(client, login, world, team14, data, field, message):
    login(world.coach)
    player = add_player(team14, "Ana")
    post = {"date": "2026-09-08", "heading_minutes": 10, f"headers_{player.pk}": 2}
    post.update({k: v for k, v in data.items() if k != "headers"})
    if "headers" in data:
        post[f"headers_{player.pk}"] = data["headers"]
    before = AuditEntry.objects.count()
    response = client.post(reverse("heading:log_practice", args=[team14.pk]), post)
    assert response.status_code == 200
    form = response.context["form"]
    key = f"headers_{player.pk}" if field == "headers" else field
    assert message in " ".join(form.errors[key])
    assert Practice.objects.count() == 0
    assert AuditEntry.objects.count() == before


def test_add_player_numbers_ids_within_the_team(client, login, world, team14, team10):
    login(world.coach)
    client.post(reverse("heading:add_player", args=[team14.pk]), {"display_name": "Ana"})
    client.post(reverse("heading:add_player", args=[team14.pk]), {"display_name": "Ben"})
    client.post(reverse("heading:add_player", args=[team10.pk]), {"display_name": "Cy"})
    assert list(Player.objects.filter(team=team14).values_list("local_id", flat=True)) == ["p-1", "p-2"]
    assert Player.objects.get(team=team10).local_id == "p-1"
    assert AuditEntry.objects.filter(action="heading.player.added").count() == 3
    response = client.post(reverse("heading:add_player", args=[team14.pk]), {"display_name": ""})
    assert response.status_code == 302
    assert Player.objects.filter(team=team14).count() == 2


# --- who may do what -------------------------------------------------------

def _team_urls(team):
    return [
        ("get", reverse("heading:team_log", args=[team.pk])),
        ("get", reverse("heading:log_practice", args=[team.pk])),
        ("post", reverse("heading:add_player", args=[team.pk])),
    ]


@pytest.mark.parametrize("who", ["other_coach", "other_rca", "referee", "instructor"])
def test_outsiders_cannot_see_or_log(client, login, world, team14, other_coach, who):
    login(other_coach if who == "other_coach" else getattr(world, who))
    for method, url in _team_urls(team14):
        assert getattr(client, method)(url, {"display_name": "X"} if method == "post" else None).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, world, team14):
    for method, url in _team_urls(team14):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["rca", "rc", "safety", "area_ca", "national"])
def test_region_admins_may_view_but_not_log(client, login, world, team14, who):
    login(getattr(world, who))
    assert client.get(reverse("heading:team_log", args=[team14.pk])).status_code == 200
    assert client.get(reverse("heading:log_practice", args=[team14.pk])).status_code == 403


def test_pending_coach_may_log_and_ended_coach_may_not(client, login, world, team14):
    assignment = CoachAssignment.objects.get(team=team14)
    assignment.status = CoachAssignment.Status.PENDING
    assignment.save()
    login(world.coach)
    assert client.get(reverse("heading:log_practice", args=[team14.pk])).status_code == 200
    assignment.status = CoachAssignment.Status.ENDED
    assignment.save()
    assert client.get(reverse("heading:log_practice", args=[team14.pk])).status_code == 403


def test_correcting_another_teams_practice_is_refused(client, login, world, team14, other_coach):
    other_team = Team.objects.get(name="Rockets")
    practice = log_practice(other_team, day=date(2026, 9, 8), heading_minutes=5, headers={})
    login(world.coach)
    # Through the coach's own team id: the practice is not found there.
    assert client.get(reverse("heading:correct_practice", args=[team14.pk, practice.pk])).status_code == 404
    assert client.get(reverse("heading:correct_practice", args=[other_team.pk, practice.pk])).status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [("safety", 200), ("rca", 200), ("rc", 200), ("coach", 403), ("other_rca", 403), ("instructor", 403)],
)
def test_region_summary_personas(client, login, world, season, who, status):
    login(getattr(world, who))
    assert client.get(reverse("heading:region_summary", args=[60])).status_code == status


def test_region_summary_anonymous_and_unknown_region(client, login, world):
    response = client.get(reverse("heading:region_summary", args=[60]))
    assert response.status_code == 302
    login(world.rca)
    assert client.get(reverse("heading:region_summary", args=[999])).status_code == 404


@pytest.mark.parametrize("teams", [1, 6])
def test_region_summary_query_count_is_constant(client, login, world, season, teams,
                                                django_assert_max_num_queries):
    for i in range(teams):
        team = Team.objects.create(season=season, division="14U", name=f"Team {i}")
        players = [add_player(team, f"Kid {n}") for n in range(3)]
        for day in (8, 10):
            log_practice(team, day=date(2026, 9, day), heading_minutes=20,
                         headers=dict.fromkeys(players, 11))
    login(world.safety)
    client.get(reverse("core:home"))  # signing in lands here first; the second-factor check runs once
    with django_assert_max_num_queries(14):
        response = client.get(reverse("heading:region_summary", args=[60]))
    assert len(response.context["weeks"]) == teams


def test_education_page_is_public_and_follows_the_policy(client, world):
    response = client.get(reverse("heading:education"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "30 minutes a week" in html
    assert "15 to 20 headers per player" in html
    assert "aged <strong>10 or younger</strong>" in html
    assert "No caution and no send-off" in html
    assert "School Yard, 6U, 7U, 8U, 9U, 10U, 12U" in html
    # Change the region's policy: the page changes with it.
    world.region.policy_overrides = {"heading": {"practice_minutes_per_week": 25}}
    world.region.save()
    assert "25 minutes a week" in client.get(reverse("heading:education")).content.decode()


def test_education_examples_come_from_the_engine(client, world):
    examples = client.get(reverse("heading:education")).context["lessons"].examples
    assert [e.ruling["spot"] for e in examples] == [{"x": 32.0, "y": 23.0}, {"x": 5.5, "y": 23.0},
                                                    {"x": 2.75, "y": 23.0}]
    assert [e.ruling["anywhere_in_goal_area"] for e in examples] == [False, False, True]


@pytest.mark.parametrize(
    ("division", "name", "label"),
    [("14U", "14U Black Stars", "14U Black Stars"), ("14U", "Galaxy", "14U Galaxy"),
     ("schoolyard", "schoolyard Gold Comets", "School Yard Gold Comets")],
)
def test_team_label(division, name, label):
    from coachready.teams.labels import team_label

    assert team_label(Team(division=division, name=name)) == label


def test_digest_lists_this_weeks_violations(world, team14):
    from coachready.core.hooks import digest_sections

    log_practice(team14, day=date(2026, 9, 8), heading_minutes=20, headers={})
    log_practice(team14, day=date(2026, 9, 10), heading_minutes=15, headers={})
    (section,) = [s for s in digest_sections(world.region, date(2026, 9, 14)) if s.title == "Heading violations"]
    assert section.lines == ["14U Galaxy, week of September 7, 2026: 35 minutes of heading this week; "
                             "14U allows at most 30 minutes a week (AYSO heading policy (2016))."]
    assert not [s for s in digest_sections(world.region, date(2026, 10, 14)) if s.title == "Heading violations"]


def test_retired_player_leaves_the_roster_but_not_the_log(client, login, world, team14):
    login(world.coach)
    ana, ben = add_player(team14, "Ana"), add_player(team14, "Ben")
    practice = log_practice(team14, day=date(2026, 9, 8), heading_minutes=10, headers={ana: 4, ben: 3})
    assert client.post(reverse("heading:retire_player", args=[team14.pk, ana.pk])).status_code == 302
    ana.refresh_from_db()
    assert not ana.active
    assert AuditEntry.objects.filter(action="heading.player.retired").count() == 1
    new_form = client.get(reverse("heading:log_practice", args=[team14.pk])).context["form"]
    assert [p.local_id for p in new_form.players] == ["p-2"]
    # Correcting the old practice keeps Ana's headers.
    url = reverse("heading:correct_practice", args=[team14.pk, practice.pk])
    form = client.get(url).context["form"]
    assert {p.local_id for p in form.players} == {"p-1", "p-2"}
    client.post(url, {"date": "2026-09-08", "heading_minutes": 12, f"headers_{ana.pk}": 4, f"headers_{ben.pk}": 3})
    assert dict(PlayerHeaders.objects.filter(practice=practice).values_list("player__local_id", "headers")) == {
        "p-1": 4, "p-2": 3}
    login(world.rca)
    assert client.post(reverse("heading:retire_player", args=[team14.pk, ben.pk])).status_code == 403
