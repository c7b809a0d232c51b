"""One Wording per sentence the renderer can make: every code, every branch
(one-time or dated, own record or a higher one, due soon, a risk status, one
item or several), with the facts the engine would give."""

from __future__ import annotations

from datetime import date

from coachready.rules import Policy, Wording

D1, D2 = date(2026, 10, 14), date(2027, 3, 1)


def samples(policy: Policy) -> list[tuple[str, Wording]]:
    """(label, wording) pairs; the label names the branch for test ids."""

    def w(code: str, **params: object) -> Wording:
        return Wording(code, params, policy)

    met = {"requirement": "safesport", "satisfied_by": "safesport", "valid_until": D1,
           "due_soon": False, "warning_days": 60, "risk_status": None}
    practice = {"division": "14U"}
    return [
        ("missing", w("eligibility.missing", requirement="safe_haven")),
        ("course missing", w("eligibility.course_missing", requirement="coach_10u", division="10U")),
        ("course missing, School Yard", w("eligibility.course_missing", requirement="coach_schoolyard",
                                          division="schoolyard")),
        ("one course held", w("eligibility.course_not_counting", requirement="coach_10u", division="10U",
                              held=("coach_advanced",))),
        ("three courses held", w("eligibility.course_not_counting", requirement="coach_10u", division="10U",
                                 held=("coach_6u", "coach_8u", "coach_12u"))),
        ("met one-time", w("eligibility.met", **{**met, "requirement": "safe_haven",
                                                 "satisfied_by": "safe_haven", "valid_until": None})),
        ("met one-time through", w("eligibility.met", **{**met, "requirement": "coach_advanced",
                                                         "satisfied_by": "coach_national", "valid_until": None})),
        ("met dated", w("eligibility.met", **met)),
        ("met dated through", w("eligibility.met", **{**met, "requirement": "referee_regional",
                                                      "satisfied_by": "referee_advanced"})),
        ("met due soon", w("eligibility.met", **{**met, "due_soon": True})),
        ("met due soon, one day", w("eligibility.met", **{**met, "due_soon": True, "warning_days": 1})),
        ("met due soon through", w("eligibility.met", **{**met, "requirement": "referee_regional",
                                                         "satisfied_by": "referee_advanced", "due_soon": True})),
        ("met with a risk status", w("eligibility.met", **{**met, "requirement": "background_check",
                                                           "satisfied_by": "background_check",
                                                           "risk_status": "orange"})),
        ("blocked", w("eligibility.blocked", requirement="background_check", risk_status="red")),
        ("blocked, no next step", w("eligibility.blocked", requirement="background_check", risk_status="green")),
        ("lapsed, renewable", w("eligibility.lapsed", requirement="safesport", lapsed_on=D1, renewable=True)),
        ("lapsed, one-time", w("eligibility.lapsed", requirement="live_scan", lapsed_on=D1, renewable=False)),
        ("not yet", w("eligibility.not_yet", requirement="safesport", completed_on=D2, as_of=D1)),
        ("renew before", w("readiness.renew_before", requirement="safesport", valid_until=D1, target_date=D2)),
        ("prerequisite first", w("readiness.prerequisite_first", prerequisite="coach_12u",
                                 course="coach_intermediate")),
        ("one prerequisite", w("readiness.prerequisites_missing", course="coach_intermediate",
                               missing=("coach_12u",))),
        ("two prerequisites", w("readiness.prerequisites_missing", course="coach_advanced",
                                missing=("coach_12u", "coach_intermediate"))),
        ("not deliberate", w("heading.not_deliberate")),
        ("banned, player aged", w("heading.banned_over_age", division="12U", player_age=11, max_age=10)),
        ("banned, no age", w("heading.banned_over_age", division="12U", player_age=None, max_age=10)),
        ("unrestricted", w("heading.unrestricted", division="14U")),
        ("indirect, aged", w("heading.free_kick", restart="indirect_free_kick", max_age=10, player_age=9,
                             division="10U")),
        ("indirect, no age", w("heading.free_kick", restart="indirect_free_kick", max_age=10, player_age=None,
                               division="10U")),
        ("direct, aged", w("heading.free_kick", restart="direct_free_kick", max_age=10, player_age=9,
                           division="10U")),
        ("direct, no age", w("heading.free_kick", restart="direct_free_kick", max_age=10, player_age=None,
                             division="10U")),
        ("indirect moved", w("heading.indirect_moved")),
        ("direct where", w("heading.direct_where")),
        ("defending anywhere", w("heading.defending_anywhere")),
        ("no misconduct", w("heading.no_misconduct")),
        ("banned minutes", w("practice.banned_minutes", division="10U", minutes=12.5)),
        ("banned one minute", w("practice.banned_minutes", division="10U", minutes=1)),
        ("banned player", w("practice.banned_player", division="10U", headers=7)),
        ("banned player once", w("practice.banned_player", division="10U", headers=1)),
        ("minutes exceeded", w("practice.minutes_exceeded", **practice, minutes=35, limit=30)),
        ("headers exceeded", w("practice.headers_exceeded", **practice, headers=25, limit=20)),
        ("headers high", w("practice.headers_high", **practice, headers=16, warning_above=15, limit=20)),
        ("repeats", w("schoolyard.repeats", week=3)),
        ("licence refused", w("crosscert.licence", licence="nscaa")),
    ]
