"""A rules Wording as a sentence in the active language.

One whole sentence per msgid with named placeholders; lists and sentence
pairs through translatable patterns; counts through ngettext; dates through
the active language's date format; policy titles and texts through
`policy_texts`. Call `render(wording)` inside the language wanted (a request
is already in the reader's; an email inside `translation.override`).

The command line and the JSON API keep the contracts' machine text
(`coachready.rules.english`), made from the same Wording.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import cast

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy

from coachready.rules import Policy, Wording, load_policy

from .policy_texts import policy_text, policy_title

Params = Mapping[str, object]

# Background-check risk statuses are colours in AYSO's system.
RISK_STATUS_NAMES = {
    "green": pgettext_lazy("risk status", "green"),
    "yellow": pgettext_lazy("risk status", "yellow"),
    "orange": pgettext_lazy("risk status", "orange"),
    "brown": pgettext_lazy("risk status", "brown"),
    "blue": pgettext_lazy("risk status", "blue"),
    "red": pgettext_lazy("risk status", "red"),
    "gray": pgettext_lazy("risk status", "gray"),
    "blank": pgettext_lazy("risk status", "blank"),
}


def render(wording: Wording | None) -> str:
    """`wording` as a sentence (or a few) in the active language; "" for None
    (or a template's empty string for a missing one)."""
    if not wording:
        return ""
    policy = wording.policy or load_policy()
    return SENTENCES[wording.code](wording.params, policy)


def memo_render() -> Callable[[Wording | None], str]:
    """`render` remembering each Wording object it saw: for pages over many
    people, where the engine hands the same cached Wording to every person in
    the same state. Use it within one request (one language)."""
    seen: dict[int, tuple[Wording | None, str]] = {}

    def cached(wording: Wording | None) -> str:
        found = seen.get(id(wording))
        if found is None:
            # The Wording is kept alive with its text, so its id is not reused.
            found = seen[id(wording)] = (wording, render(wording))
        return found[1]

    return cached


# --- shared pieces ---------------------------------------------------------

def day(value: object) -> str:
    """A date in the active language's format."""
    return date_format(cast(date, value), "DATE_FORMAT")


def number(value: object) -> str:
    """A count or a number of minutes in the active language (12.5 -> "12,5" in Spanish)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_format(cast(float, value))


def plural_count(value: object) -> int:
    """The number ngettext chooses a form by; a fraction takes the plural."""
    number_value = cast(float, value)
    return int(number_value) if float(number_value).is_integer() else 0


def text_list(items: Sequence[str]) -> str:
    """"A, B and C" in the active language."""
    if len(items) <= 1:
        return "".join(items)
    # Translators: the separator between the items of a list but the last two.
    separator = pgettext("list separator", ", ")
    return pgettext("list of items", "%(items)s and %(last)s") % {
        "items": separator.join(items[:-1]), "last": items[-1],
    }


def in_order(items: Sequence[str]) -> str:
    """"A, then B, then C": steps to take one after the other."""
    # Translators: between steps taken one after the other ("12U Coach, then Intermediate Coach").
    return pgettext("steps in order", ", then ").join(items)


def then(first: str, second: str) -> str:
    """Two sentences one after the other (an explanation, then the policy's how-to)."""
    if not second:
        return first
    # Translators: two whole sentences in a row; Chinese needs no space between them.
    return pgettext("two sentences", "%(first)s %(second)s") % {"first": first, "second": second}


def risk_status_name(code: str) -> str:
    return str(RISK_STATUS_NAMES.get(code, code))


def _title(policy: Policy, params: Params, key: str) -> str:
    return policy_title(policy, cast(str, params[key]))


def _how_to(policy: Policy, code: object) -> str:
    return policy_text(policy, "requirement", cast(str, code), "how_to")


def _renewal(policy: Policy, code: object) -> str:
    return policy_text(policy, "requirement", cast(str, code), "renewal")


def _source(policy: Policy) -> str:
    return policy_text(policy, "heading", "", "source")


# --- eligibility -----------------------------------------------------------

def _missing(params: Params, policy: Policy) -> str:
    code = params["requirement"]
    text = gettext("Complete %(requirement)s (%(renewal)s); it is not on your record yet.") % {
        "requirement": _title(policy, params, "requirement"), "renewal": _renewal(policy, code),
    }
    return then(text, _how_to(policy, code))


def _course_missing(params: Params, policy: Policy) -> str:
    text = gettext("Take the %(course)s course; %(division)s needs it.") % {
        "course": _title(policy, params, "requirement"), "division": _title(policy, params, "division"),
    }
    return then(text, _how_to(policy, params["requirement"]))


def _course_not_counting(params: Params, policy: Policy) -> str:
    held = [policy_title(policy, code) for code in cast(tuple[str, ...], params["held"])]
    text = ngettext(
        "Take the %(course)s course; your %(held)s certificate does not count for %(division)s.",
        "Take the %(course)s course; your %(held)s certificates do not count for %(division)s.",
        len(held),
    ) % {
        "course": _title(policy, params, "requirement"),
        "held": text_list(held),
        "division": _title(policy, params, "division"),
    }
    return then(text, _how_to(policy, params["requirement"]))


def _met(params: Params, policy: Policy) -> str:
    code = params["requirement"]
    through = params["satisfied_by"] != code
    values = {
        "requirement": _title(policy, params, "requirement"),
        "satisfied_by": _title(policy, params, "satisfied_by"),
        "renewal": _renewal(policy, code),
    }
    how_to = ""
    if params["valid_until"] is None:
        if through:
            text = gettext("%(requirement)s is complete through your %(satisfied_by)s; it never needs renewing.")
        else:
            text = gettext("%(requirement)s is complete; it never needs renewing.")
    elif params["due_soon"]:
        days = cast(int, params["warning_days"])
        values["date"], values["days"] = day(params["valid_until"]), number(days)
        if through:
            text = ngettext(
                "%(requirement)s counts until %(date)s through your %(satisfied_by)s, within "
                "%(days)s day: renew it now.",
                "%(requirement)s counts until %(date)s through your %(satisfied_by)s, within "
                "%(days)s days: renew it now.",
                days,
            )
        else:
            text = ngettext(
                "%(requirement)s counts until %(date)s, within %(days)s day: renew it now.",
                "%(requirement)s counts until %(date)s, within %(days)s days: renew it now.",
                days,
            )
        how_to = _how_to(policy, code)
    else:
        values["date"] = day(params["valid_until"])
        if through:
            text = gettext(
                "%(requirement)s counts until %(date)s through your %(satisfied_by)s "
                "(renewal: %(renewal)s)."
            )
        else:
            text = gettext("%(requirement)s counts until %(date)s (renewal: %(renewal)s).")
    sentence = then(text % values, how_to)
    risk = params["risk_status"]
    if risk is not None:
        note = gettext("Risk status %(status)s: %(meaning)s.") % {
            "status": risk_status_name(cast(str, risk)),
            "meaning": policy_text(policy, "risk_status", cast(str, risk), "meaning"),
        }
        sentence = then(sentence, note)
    return sentence


def _blocked(params: Params, policy: Policy) -> str:
    risk = cast(str, params["risk_status"])
    text = gettext(
        "Your %(requirement)s risk status is %(status)s (%(meaning)s), so it does not count for coaching."
    ) % {
        "requirement": _title(policy, params, "requirement"),
        "status": risk_status_name(risk),
        "meaning": policy_text(policy, "risk_status", risk, "meaning"),
    }
    return then(text, policy_text(policy, "risk_status", risk, "next_step"))


def _lapsed(params: Params, policy: Policy) -> str:
    code = params["requirement"]
    values = {
        "requirement": _title(policy, params, "requirement"),
        "date": day(params["lapsed_on"]),
        "renewal": _renewal(policy, code),
    }
    if params["renewable"]:
        text = gettext("Your %(requirement)s lapsed on %(date)s; renew it (%(renewal)s).")
    else:
        text = gettext("Your %(requirement)s lapsed on %(date)s; take it again.")
    return then(text % values, _how_to(policy, code))


def _not_yet(params: Params, policy: Policy) -> str:
    return gettext(
        "Your %(requirement)s is dated %(completed_on)s, after %(as_of)s; it counts from %(completed_on)s."
    ) % {
        "requirement": _title(policy, params, "requirement"),
        "completed_on": day(params["completed_on"]),
        "as_of": day(params["as_of"]),
    }


# --- path to ready and enrolment -------------------------------------------

def _renew_before(params: Params, policy: Policy) -> str:
    text = gettext(
        "%(requirement)s counts until %(date)s, before %(target)s: renew it by %(date)s to keep "
        "coaching without a gap."
    ) % {
        "requirement": _title(policy, params, "requirement"),
        "date": day(params["valid_until"]),
        "target": day(params["target_date"]),
    }
    return then(text, _how_to(policy, params["requirement"]))


def _prerequisite_first(params: Params, policy: Policy) -> str:
    text = gettext("Take the %(prerequisite)s course first; the %(course)s course needs it.") % {
        "prerequisite": _title(policy, params, "prerequisite"), "course": _title(policy, params, "course"),
    }
    return then(text, _how_to(policy, params["prerequisite"]))


def _prerequisites_missing(params: Params, policy: Policy) -> str:
    steps = [policy_title(policy, code) for code in cast(tuple[str, ...], params["missing"])]
    return gettext("Before the %(course)s course, complete %(steps)s.") % {
        "course": _title(policy, params, "course"), "steps": in_order(steps),
    }


# --- heading in matches ----------------------------------------------------

def _not_deliberate(params: Params, policy: Policy) -> str:
    return gettext("Only a deliberate header is a heading offence; play on.")


def _banned_over_age(params: Params, policy: Policy) -> str:
    values = {
        "division": _title(policy, params, "division"),
        "max_age": number(params["max_age"]),
        "source": _source(policy),
    }
    if params["player_age"] is not None:
        values["age"] = number(params["player_age"])
        text = gettext(
            "Heading is banned in %(division)s, but the free kick applies only to players aged "
            "%(max_age)s or younger (%(source)s). For a player aged %(age)s, play on; the coach "
            "should address it."
        )
    else:
        text = gettext(
            "Heading is banned in %(division)s, but the free kick applies only to players aged "
            "%(max_age)s or younger (%(source)s). For %(division)s players, play on; the coach "
            "should address it."
        )
    return text % values


def _unrestricted(params: Params, policy: Policy) -> str:
    return gettext("There is no restriction on heading in %(division)s matches (%(source)s).") % {
        "division": _title(policy, params, "division"), "source": _source(policy),
    }


def _free_kick(params: Params, policy: Policy) -> str:
    values = {
        "source": _source(policy),
        "max_age": number(params["max_age"]),
        "division": _title(policy, params, "division"),
    }
    indirect = params["restart"] == "indirect_free_kick"
    if params["player_age"] is not None:
        values["age"] = number(params["player_age"])
        if indirect:
            text = gettext(
                "%(source)s: a deliberate header by a player aged %(max_age)s or younger gives the "
                "opponents an indirect free kick where it happened; this player is aged %(age)s."
            )
        else:
            text = gettext(
                "%(source)s: a deliberate header by a player aged %(max_age)s or younger gives the "
                "opponents a direct free kick where it happened; this player is aged %(age)s."
            )
    elif indirect:
        text = gettext(
            "%(source)s: a deliberate header by a player aged %(max_age)s or younger gives the "
            "opponents an indirect free kick where it happened; no player age was given, so "
            "%(division)s counts as %(max_age)s or younger."
        )
    else:
        text = gettext(
            "%(source)s: a deliberate header by a player aged %(max_age)s or younger gives the "
            "opponents a direct free kick where it happened; no player age was given, so "
            "%(division)s counts as %(max_age)s or younger."
        )
    return text % values


def _indirect_moved(params: Params, policy: Policy) -> str:
    return gettext(
        "Law 13.2: an indirect free kick to the attacking team inside the opponents' goal area is "
        "taken from the nearest point on the goal-area line parallel to the goal line."
    )


def _direct_where(params: Params, policy: Policy) -> str:
    return gettext("Law 13.2: a direct free kick is taken where the offence happened.")


def _defending_anywhere(params: Params, policy: Policy) -> str:
    return gettext(
        "Law 13.2: a free kick to the defending team in its own goal area may be taken from "
        "anywhere in that area."
    )


def _no_misconduct(params: Params, policy: Policy) -> str:
    return gettext(
        "No caution or sending-off for persistent infringement or for denying an obvious "
        "goal-scoring opportunity related to the header (%(source)s)."
    ) % {"source": _source(policy)}


# --- heading in practice ---------------------------------------------------

def _practice_values(params: Params, policy: Policy) -> dict[str, str]:
    values = {"division": _title(policy, params, "division"), "source": _source(policy)}
    for key in ("minutes", "headers", "limit", "warning_above"):
        if key in params:
            values[key] = number(params[key])
    return values


def _practice_banned_minutes(params: Params, policy: Policy) -> str:
    return ngettext(
        "Heading is banned in %(division)s practices, but %(minutes)s minute of heading was logged "
        "(%(source)s).",
        "Heading is banned in %(division)s practices, but %(minutes)s minutes of heading were logged "
        "(%(source)s).",
        plural_count(params["minutes"]),
    ) % _practice_values(params, policy)


def _practice_banned_player(params: Params, policy: Policy) -> str:
    return ngettext(
        "Heading is banned in %(division)s, but this player headed the ball %(headers)s time "
        "(%(source)s).",
        "Heading is banned in %(division)s, but this player headed the ball %(headers)s times "
        "(%(source)s).",
        plural_count(params["headers"]),
    ) % _practice_values(params, policy)


def _minutes_exceeded(params: Params, policy: Policy) -> str:
    return ngettext(
        "%(minutes)s minute of heading this week; %(division)s allows at most %(limit)s minutes a "
        "week (%(source)s).",
        "%(minutes)s minutes of heading this week; %(division)s allows at most %(limit)s minutes a "
        "week (%(source)s).",
        plural_count(params["minutes"]),
    ) % _practice_values(params, policy)


def _headers_exceeded(params: Params, policy: Policy) -> str:
    return ngettext(
        "%(headers)s header this week; %(division)s allows no more than %(limit)s per player "
        "(%(source)s).",
        "%(headers)s headers this week; %(division)s allows no more than %(limit)s per player "
        "(%(source)s).",
        plural_count(params["headers"]),
    ) % _practice_values(params, policy)


def _headers_high(params: Params, policy: Policy) -> str:
    return ngettext(
        "%(headers)s header this week: above %(warning_above)s, close to the limit of %(limit)s "
        "per player (%(source)s).",
        "%(headers)s headers this week: above %(warning_above)s, close to the limit of %(limit)s "
        "per player (%(source)s).",
        plural_count(params["headers"]),
    ) % _practice_values(params, policy)


# --- School Yard and cross-certification -----------------------------------

def _repeats(params: Params, policy: Policy) -> str:
    return gettext("Repeats week %(week)s: try the harder variations.") % {"week": number(params["week"])}


def _licence(params: Params, policy: Policy) -> str:
    return policy_text(policy, "licence", cast(str, params["licence"]), "reason")


SENTENCES: dict[str, Callable[[Params, Policy], str]] = {
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
