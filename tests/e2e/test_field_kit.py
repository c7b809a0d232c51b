"""The field kit at the field: one visit online on a phone, then no
connection. The page loads, checks a typed pass (genuine and tampered),
rules on every restart of the shared table as the API does, and logs a
practice that reaches the server exactly once when the network returns.
In English and in Simplified Chinese."""

from __future__ import annotations

import json
import re
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from coachready.heading.models import Player, Practice
from coachready.passes import services as passes
from coachready.schoolyard.models import SeasonPlan
from coachready.teams.models import CoachAssignment, Season, Team
from tests.e2e.conftest import RESULTS, Journey
from tests.factories import TEST_PASSWORD, certify

pytestmark = pytest.mark.django_db(transaction=True)

TESTS = Path(__file__).resolve().parents[1]
PASS_TABLE = json.loads((TESTS / "passes" / "pass_cases.json").read_text(encoding="utf-8"))
HEADING_TABLE = json.loads((TESTS / "heading" / "field_cases.json").read_text(encoding="utf-8"))
PHONE = {"width": 360, "height": 740}

# What each language shows for the same moments.
ENGLISH = {
    "title": "Field kit", "valid": "Valid Coach Pass", "invalid": "Not a valid Coach Pass",
    "offline": "Offline: using the copies kept on this phone.", "pass_text": "Pass text",
    "check": "Check the pass", "minutes": "Minutes of heading practice", "save": "Save the practice",
    "over": "Over the heading limits for the week of {week}:", "restart": "Show the restart",
    "indirect_away": "Indirect free kick to the away team.",
}


def _words(language: str) -> dict[str, str]:
    """The kit's words as its catalogues give them in `language`, each one
    really translated (so a page in English would fail the Chinese run)."""
    from django.utils import translation

    with translation.override(language):
        words = {key: translation.gettext(text) for key, text in ENGLISH.items()}
    # A sentence the page completes with a week: its longest fixed part.
    words = {key: max(word.split("{week}"), key=len).strip(" :：") for key, word in words.items()}
    if language != "en":
        assert all(re.search(r"[\u4e00-\u9fff]", word) for word in words.values()), words
    return words


WORDS = {"en": ENGLISH, "zh-hans": None}


@pytest.fixture(params=list(WORDS))
def phone(request, browser, live_server):
    """A phone-sized tab in the language asked for, recording problems as
    every other journey does (axe, sideways scrolling, CSP, console)."""
    language = request.param
    context = browser.new_context(viewport=PHONE, locale="zh-CN" if language == "zh-hans" else "en-US",
                                  service_workers="allow")
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page = context.new_page()
    folder = RESULTS / "field_kit" / language
    folder.mkdir(parents=True, exist_ok=True)
    trip = Journey(page=page, base_url=live_server.url, folder=folder, viewport="phone")
    context.expose_binding("reportCspViolation", lambda _source, text: trip.problems.append(f"CSP violation: {text}"))
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => window.reportCspViolation("
        "`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));"
    )
    page.on("console", lambda msg: msg.type == "error" and trip.problems.append(f"console error: {msg.text}"))
    page.on("response", lambda resp: resp.status >= 400 and trip.problems.append(f"HTTP {resp.status} {resp.url}"))
    trip.language = language
    trip.context = context
    yield trip
    context.close()
    assert not trip.problems, "\n".join(trip.problems)


def api_answer(base_url: str, request: dict) -> dict:
    """The API's answer for a table case, without the words the kit says its own way."""
    call = urllib.request.Request(f"{base_url}/api/v1/heading", data=json.dumps(request).encode(),
                                  headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(call) as response:  # noqa: S310 - the test's own server
            answer = json.loads(response.read())
    except urllib.error.HTTPError as error:
        answer = json.loads(error.read())
    if "error" in answer:
        return {"error": {"code": answer["error"]["code"], "path": answer["error"]["path"]}}
    answer.pop("notes", None)
    for finding in answer.get("violations", []) + answer.get("warnings", []):
        finding.pop("message")
    return answer


JS_RULES = """([cases, policy]) => cases.map((request) => {
  const answer = request.context === "match" ? FieldKit.rules.headingMatch(request, policy)
                                             : FieldKit.rules.practiceWeek(request, policy);
  delete answer.note_codes;
  (answer.violations || []).concat(answer.warnings || []).forEach((finding) => delete finding.values);
  return answer;
})"""

JS_PASSES = """async ([table]) => {
  const keys = FieldKit.pass.keysFrom(table.keys), revoked = FieldKit.pass.revokedFrom(table.revoked);
  const out = [];
  for (const item of table.cases) {
    try { out.push(await FieldKit.pass.verify(item.text, keys, revoked, item.as_of)); }
    catch (error) { out.push(error instanceof FieldKit.pass.NotAPass ? {not_a_pass: true} : {crash: String(error)}); }
  }
  return out;
}"""


@pytest.fixture
def coach_team(world):
    today = timezone.localdate()
    season = Season.objects.create(region=world.region, membership_year=today.year, term=Season.Term.FALL,
                                   starts_on=today - timedelta(days=30), first_game_on=today,
                                   ends_on=today + timedelta(days=90))
    # Cleared for 10U (the pass); a 14U team's practices are logged.
    comets = Team.objects.create(season=season, division="10U", name="Comets")
    team = Team.objects.create(season=season, division="14U", name="Galaxy")
    certify(world.coach)
    CoachAssignment.objects.create(team=comets, person=world.coach, role=CoachAssignment.Role.HEAD_COACH)
    CoachAssignment.objects.create(team=team, person=world.coach, role=CoachAssignment.Role.ASSISTANT_COACH)
    Player.objects.create(team=team, local_id="p-1", display_name="Ana")
    Player.objects.create(team=team, local_id="p-2", display_name="Bo")
    yard = Team.objects.create(season=season, division="schoolyard", name="Sprouts")
    CoachAssignment.objects.create(team=yard, person=world.coach, role=CoachAssignment.Role.HEAD_COACH)
    SeasonPlan.objects.create(team=yard, owner=world.coach, region=world.region, title="Sprouts fall",
                              start=today - timedelta(days=7), sessions=10)
    return team


def test_field_kit_offline(phone, world, coach_team, live_server):
    words = _words(phone.language)
    page = phone.page
    genuine = passes.issue(world.coach).text

    # Online, once: sign in and open the kit; the worker keeps what it needs.
    phone.sign_in(world.coach.email, TEST_PASSWORD)
    phone.goto("/field/")
    expect(page.locator("html")).to_have_attribute("lang", phone.language)
    expect(page.get_by_role("heading", name=words["title"], exact=True)).to_be_visible()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function("() => document.body.dataset.ready === 'true'")
    page.evaluate("FieldKit.page.refresh()")
    phone.shot("online")
    api_answers = [api_answer(live_server.url, case["request"]) for case in HEADING_TABLE["cases"]]

    # No connection from here on.
    phone.context.set_offline(True)
    page.reload()
    page.wait_for_function("() => document.body.dataset.ready === 'true'")
    expect(page.get_by_role("heading", name=words["title"], exact=True)).to_be_visible()
    expect(page.locator(".connection")).to_contain_text(words["offline"])
    expect(page.locator('.list-date[data-list="keys"]')).to_contain_text(re.compile(r"\d"))
    # This week's School Yard session of the coach's own plan.
    session = page.locator(".schoolyard-sessions .session")
    expect(session).to_contain_text("Sprouts fall")
    expect(session.locator(".s-activities li").first).to_be_visible()

    # A pass typed in: the genuine one is green with its holder and divisions...
    page.get_by_label(words["pass_text"]).fill(genuine)
    page.get_by_role("button", name=words["check"], exact=True).click()
    verdict = page.locator(".pass-result .verdict")
    expect(verdict).to_have_attribute("data-valid", "true")
    expect(verdict).to_contain_text(words["valid"])
    expect(verdict).to_contain_text("Casey Coach")
    expect(verdict).to_contain_text("10U")
    phone.shot("pass valid offline")
    # ...one character changed, red with the reason.
    version, body, signature = genuine.split(".")
    tampered = f"{version}.{body}.{signature[:5]}{'A' if signature[5] != 'A' else 'B'}{signature[6:]}"
    page.get_by_label(words["pass_text"]).fill(tampered)
    page.get_by_role("button", name=words["check"], exact=True).click()
    expect(verdict).to_have_attribute("data-valid", "false")
    expect(verdict).to_contain_text(words["invalid"])
    expect(page.locator('.pass-result [data-reason="bad_signature"]')).to_be_visible()
    # Checked for a division the pass does not clear: red.
    page.get_by_label(words["pass_text"]).fill(genuine)
    page.locator("#pass-division").select_option("14U")
    page.get_by_role("button", name=words["check"], exact=True).click()
    expect(page.locator('.pass-result [data-reason="not_for_division"]')).to_be_visible()
    phone.shot("pass refused offline")

    # Every pass of the shared table: what the server's codec says.
    js_passes = page.evaluate(JS_PASSES, [PASS_TABLE])
    for case, answer in zip(PASS_TABLE["cases"], js_passes, strict=True):
        assert answer == case["expected"], case["name"]

    # Every restart and practice week of the shared table: what the API says.
    policy = page.evaluate("FieldKit.page.state.policy.doc")
    js_answers = page.evaluate(JS_RULES, [[c["request"] for c in HEADING_TABLE["cases"]], policy])
    for case, js, api in zip(HEADING_TABLE["cases"], js_answers, api_answers, strict=True):
        assert js == api, case["name"]
    # And through the form: a home header in its own 10U goal area.
    page.locator("#restart-division").select_option("10U")
    page.locator("#restart-x").fill("3")
    page.locator("#restart-y").fill("24")
    page.get_by_role("button", name=words["restart"]).click()
    expect(page.locator(".restart-result .verdict")).to_have_attribute("data-restart", "indirect_free_kick")
    expect(page.locator(".restart-result")).to_contain_text(words["indirect_away"])
    phone.shot("restart offline")

    # A practice logged offline: kept on the phone, checked at once.
    page.locator("#practice-team").select_option(label="14U Galaxy")
    page.get_by_label(words["minutes"]).fill("20")
    page.locator('.player-rows input[data-player="p-1"]').fill("21")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator(".practice-check .verdict")).to_have_attribute("data-compliant", "false")
    expect(page.locator(".practice-check")).to_contain_text(words["over"])
    expect(page.locator('.practice-check [data-code="headers_exceeded"]')).to_contain_text("Ana")
    expect(page.locator(".outbox")).to_have_attribute("data-waiting", "1")
    phone.shot("practice saved offline")
    assert Practice.objects.count() == 0

    # The connection returns: the practice reaches the server, once.
    phone.context.set_offline(False)
    expect(page.locator(".outbox")).to_have_attribute("data-waiting", "0", timeout=15_000)
    assert Practice.objects.count() == 1
    practice = Practice.objects.get()
    assert (practice.team, practice.heading_minutes, practice.logged_by) == (coach_team, 20, world.coach.user)
    assert {h.player.local_id: h.headers for h in practice.headers.all()} == {"p-1": 21}
    # The phone sending it again (an answer lost on the way) adds nothing.
    resent = page.evaluate("""async (clientId) => {
      const token = document.cookie.split('; ').find((c) => c.startsWith('csrftoken=')).split('=')[1];
      const entry = {client_id: clientId, team: TEAM, date: FieldKit.page.today(), heading_minutes: 20,
                     headers: {"p-1": 21}, note: ""};
      const response = await fetch('/field/practices/', {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRFToken': token}, body: JSON.stringify(entry)});
      return response.status;
    }""".replace("TEAM", str(coach_team.pk)), str(practice.client_id))
    assert resent == 200
    page.evaluate("FieldKit.page.sync()")
    assert Practice.objects.count() == 1
    phone.shot("practice sent")
