"""The contracts' machine text: a Wording as the `message`, `reason` and
`notes` fields of the CLI, the JSON API and the Python API have always said it.

These strings are part of the machine-facing output (CONTRACTS.md): programs
and acceptance checks compare them, so they stay English and stay exactly as
they were, article and list grammar included. People never read them: pages
and emails render the same Wording in the reader's language through
`coachready.wording.render`, one whole translatable sentence per code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, cast

from .codes import DIVISION_NAMES
from .wording import Wording

if TYPE_CHECKING:
    from .policy import Policy

Params = Mapping[str, object]


def contract_text(wording: Wording) -> str:
    """The machine text of `wording` (KeyError for a code this module does not know)."""
    return _TEXTS[wording.code](wording.params, wording.policy)


def _policy(policy: Policy | None) -> Policy:
    assert policy is not None, "this wording names policy texts"
    return policy


def _str(params: Params, key: str) -> str:
    return cast(str, params[key])


def _day(params: Params, key: str) -> date:
    return cast(date, params[key])


def _article(title: str) -> str:
    return "an" if title[:1] in "AEIOU8" else "a"


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _missing(params: Params, policy: Policy | None) -> str:
    spec = _policy(policy).requirements[_str(params, "requirement")]
    return f"Complete {spec.title} ({spec.renewal}); it is not on record. {spec.how_to}"


def _course_missing(params: Params, policy: Policy | None) -> str:
    spec = _policy(policy).requirements[_str(params, "requirement")]
    division = _str(params, "division")
    return f"Take the {spec.title} course; {DIVISION_NAMES.get(division, division)} needs it. {spec.how_to}"


def _course_not_counting(params: Params, policy: Policy | None) -> str:
    policy = _policy(policy)
    spec = policy.requirements[_str(params, "requirement")]
    division = _str(params, "division")
    titles = [policy.title_of(code) for code in cast(tuple[str, ...], params["held"])]
    if len(titles) == 1:
        holding = f"{_article(titles[0])} {titles[0]} certificate does not"
    else:
        holding = f"your {_join(titles)} certificates do not"
    return f"Take the {spec.title} course; {holding} count for {DIVISION_NAMES.get(division, division)}. " + spec.how_to


def _met(params: Params, policy: Policy | None) -> str:
    policy = _policy(policy)
    spec = policy.requirements[_str(params, "requirement")]
    satisfied_by = _str(params, "satisfied_by")
    valid_until = cast("date | None", params["valid_until"])
    risk_status = cast("str | None", params["risk_status"])
    through = "" if satisfied_by == spec.code else f" through your {policy.title_of(satisfied_by)}"
    if valid_until is None:
        text = f"{spec.title} is complete{through} (one-time)."
    elif params["due_soon"]:
        text = (
            f"{spec.title} counts through {valid_until}{through}, within "
            f"{params['warning_days']} days: renew it now. {spec.how_to}"
        )
    else:
        text = f"{spec.title} counts through {valid_until}{through}; renew it {spec.renewal}."
    if risk_status is not None:
        text += f" Risk status {risk_status}: {policy.risk_statuses[risk_status].meaning}."
    return text


def _blocked(params: Params, policy: Policy | None) -> str:
    policy = _policy(policy)
    spec = policy.requirements[_str(params, "requirement")]
    rule = policy.risk_statuses[_str(params, "risk_status")]
    text = (
        f"Your {spec.title} risk status is {rule.status} ({rule.meaning}), "
        "so it does not count for coaching."
    )
    return f"{text} {rule.next_step}" if rule.next_step else text


def _lapsed(params: Params, policy: Policy | None) -> str:
    spec = _policy(policy).requirements[_str(params, "requirement")]
    again = f"renew it ({spec.renewal})" if params["renewable"] else "take it again"
    return f"Your {spec.title} lapsed on {_day(params, 'lapsed_on')}; {again}. {spec.how_to}"


def _not_yet(params: Params, policy: Policy | None) -> str:
    spec = _policy(policy).requirements[_str(params, "requirement")]
    completed_on = _day(params, "completed_on")
    return (
        f"Your {spec.title} is dated {completed_on}, after {_day(params, 'as_of')}; "
        f"it counts from {completed_on}."
    )


def _renew_before(params: Params, policy: Policy | None) -> str:
    spec = _policy(policy).requirements[_str(params, "requirement")]
    until = _day(params, "valid_until")
    return (
        f"{spec.title} counts through {until}, before {_day(params, 'target_date')}; renew it "
        f"by {until} to keep coaching without a gap. {spec.how_to}"
    )


def _prerequisite_first(params: Params, policy: Policy | None) -> str:
    policy = _policy(policy)
    needed = policy.requirements[_str(params, "prerequisite")]
    return (
        f"Take the {needed.title} course first; the "
        f"{policy.title_of(_str(params, 'course'))} course needs it. {needed.how_to}"
    )


def _prerequisites_missing(params: Params, policy: Policy | None) -> str:
    policy = _policy(policy)
    steps = ", then ".join(policy.title_of(code) for code in cast(tuple[str, ...], params["missing"]))
    return f"Before the {policy.title_of(_str(params, 'course'))} course, complete {steps}."


def _not_deliberate(params: Params, policy: Policy | None) -> str:
    return "Only a deliberate header is a heading offence; play on."


def _banned_over_age(params: Params, policy: Policy | None) -> str:
    division = _str(params, "division")
    age = params["player_age"]
    who = f"a player aged {age}" if age is not None else f"{division} players"
    return (
        f"Heading is banned in {division}, but the free kick applies only to players "
        f"aged {params['max_age']} or younger ({_policy(policy).heading.source}); for {who} play on, "
        "and the coach should address it."
    )


def _unrestricted(params: Params, policy: Policy | None) -> str:
    return (
        f"There is no restriction on heading in {_str(params, 'division')} matches "
        f"({_policy(policy).heading.source})."
    )


def _free_kick(params: Params, policy: Policy | None) -> str:
    max_age = params["max_age"]
    age = params["player_age"]
    kick = "indirect free kick" if params["restart"] == "indirect_free_kick" else "direct free kick"
    basis = (
        f"aged {age}" if age is not None
        else f"in {_str(params, 'division')} (players {max_age} or younger; no player age given)"
    )
    return (
        f"{_policy(policy).heading.source}: a deliberate header by a player aged {max_age} or younger "
        f"gives the opponents {'an' if kick[0] == 'i' else 'a'} {kick} where it happened; this "
        f"player is {basis}."
    )


def _indirect_moved(params: Params, policy: Policy | None) -> str:
    return (
        "Law 13.2: an indirect free kick to the attacking team inside the opponents' "
        "goal area is taken from the nearest point on the goal-area line parallel "
        "to the goal line."
    )


def _direct_where(params: Params, policy: Policy | None) -> str:
    return "Law 13.2: a direct free kick is taken where the offence happened."


def _defending_anywhere(params: Params, policy: Policy | None) -> str:
    return (
        "Law 13.2: a free kick to the defending team in its own goal area may be taken "
        "from anywhere in that area."
    )


def _no_misconduct(params: Params, policy: Policy | None) -> str:
    return (
        "No caution or sending-off for persistent infringement or for denying an obvious "
        f"goal-scoring opportunity related to the header ({_policy(policy).heading.source})."
    )


def _practice_banned_minutes(params: Params, policy: Policy | None) -> str:
    return (
        f"Heading is banned in {_str(params, 'division')} practices; {params['minutes']:g} minutes "
        f"of heading were logged ({_policy(policy).heading.source})."
    )


def _practice_banned_player(params: Params, policy: Policy | None) -> str:
    return (
        f"Heading is banned in {_str(params, 'division')}; this player headed the ball "
        f"{params['headers']} times ({_policy(policy).heading.source})."
    )


def _minutes_exceeded(params: Params, policy: Policy | None) -> str:
    return (
        f"{params['minutes']:g} minutes of heading this week; {_str(params, 'division')} allows at "
        f"most {params['limit']} minutes a week ({_policy(policy).heading.source})."
    )


def _headers_exceeded(params: Params, policy: Policy | None) -> str:
    return (
        f"{params['headers']} headers this week; {_str(params, 'division')} allows no more than "
        f"{params['limit']} per player ({_policy(policy).heading.source})."
    )


def _headers_high(params: Params, policy: Policy | None) -> str:
    return (
        f"{params['headers']} headers this week: above {params['warning_above']}, close "
        f"to the limit of {params['limit']} per player ({_policy(policy).heading.source})."
    )


def _repeats(params: Params, policy: Policy | None) -> str:
    return f"Repeats week {params['week']}; try the harder variations."


def _licence(params: Params, policy: Policy | None) -> str:
    return _policy(policy).crosscert.licences[_str(params, "licence")].reason


_TEXTS: dict[str, Callable[[Params, Policy | None], str]] = {
    "eligibility.missing": _missing,
    "eligibility.course_missing": _course_missing,
    "eligibility.course_not_counting": _course_not_counting,
    "eligibility.met": _met,
    "eligibility.blocked": _blocked,
    "eligibility.lapsed": _lapsed,
    "eligibility.not_yet": _not_yet,
    "readiness.renew_before": _renew_before,
    "readiness.prerequisite_first": _prerequisite_first,
    "readiness.prerequisites_missing": _prerequisites_missing,
    "heading.not_deliberate": _not_deliberate,
    "heading.banned_over_age": _banned_over_age,
    "heading.unrestricted": _unrestricted,
    "heading.free_kick": _free_kick,
    "heading.indirect_moved": _indirect_moved,
    "heading.direct_where": _direct_where,
    "heading.defending_anywhere": _defending_anywhere,
    "heading.no_misconduct": _no_misconduct,
    "practice.banned_minutes": _practice_banned_minutes,
    "practice.banned_player": _practice_banned_player,
    "practice.minutes_exceeded": _minutes_exceeded,
    "practice.headers_exceeded": _headers_exceeded,
    "practice.headers_high": _headers_high,
    "schoolyard.repeats": _repeats,
    "crosscert.licence": _licence,
}

# Every code a Wording may carry; the web renderer is checked against it.
CODES: tuple[str, ...] = tuple(_TEXTS)
