"""Public heading pages: the coach education page and the referee's restart
tool. Both speak with the policy of the region the page is for."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from coachready.core.regions import current_region
from coachready.heading.drawing import Drawing
from coachready.heading.education import lessons
from coachready.heading.forms import RestartForm
from coachready.heading.services.restart import match_request, ruling
from coachready.rules.errors import InputError
from coachready.rules.policy_loader import load_policy
from coachready.teams.labels import division_label

DEFAULT_DIVISION = "10U"


def _policy(request):
    region = current_region(request)
    if region is None:
        return None, load_policy()
    return region, region.policy()


def education(request):
    """What the region's heading policy says, generated from the policy."""
    region, policy = _policy(request)
    return render(request, "heading/education.html", {"region": region, "lessons": lessons(policy)})


def field_svg(request, division: str):
    """The drawing of a division's field, used as the tap target."""
    _region, policy = _policy(request)
    try:
        size = policy.field_for(division)
    except InputError:
        raise Http404("No such division.") from None
    svg = Drawing(size).svg(title=_("%(division)s field") % {"division": division_label(division)})
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def restart(request):
    """The restart tool: a plain GET form, so it works without JavaScript
    and the result can be bookmarked or shared."""
    region, policy = _policy(request)
    params = request.GET
    tap = (params["tap.x"], params["tap.y"]) if "tap.x" in params and "tap.y" in params else None
    submitted = tap is not None or "go" in params
    division = params.get("division") if params.get("division") in policy.divisions else DEFAULT_DIVISION
    form = RestartForm(params if submitted else None, policy=policy, tap=tap,
                       initial={"division": division, "offending_team": "home", "deliberate": "yes"})
    result = request_doc = None
    notes = ()
    if submitted and form.is_valid() and form.offence is not None:
        data = form.cleaned_data
        request_doc = match_request(
            division=data["division"], offending_team=data["offending_team"],
            x=form.offence[0], y=form.offence[1], deliberate=data["deliberate"],
            player_age=data["player_age"], policy_name=policy.name,
        )
        try:
            found = ruling(request_doc, policy)
            result, notes = found.to_dict(), found.wordings
        except InputError as exc:
            form.add_error(None, exc.message)
            request_doc = None
    elif "redraw" in params and not submitted:
        # Only the division changed: show its field, no ruling, no errors.
        form = RestartForm(None, policy=policy, initial={
            "division": division, "offending_team": params.get("offending_team", "home"),
            "deliberate": params.get("deliberate", "yes"), "player_age": params.get("player_age", ""),
        })
    drawing = Drawing(policy.field_for(division))
    result_svg = None
    if result is not None:
        offence = (request_doc["offence"]["x"], request_doc["offence"]["y"])
        spot = result["spot"]
        marker = (spot["x"], spot["y"]) if spot else None
        moved = marker is not None and marker != offence
        shade = result.get("goal_area") if result["anywhere_in_goal_area"] else None
        result_svg = mark_safe(drawing.svg(  # noqa: S308 - built from numbers only
            marker=marker, offence=offence if (moved or marker is None) else None, shade=shade,
            title=_drawing_title(result, offence),
        ))
    return render(request, "heading/restart.html", {
        "region": region, "form": form, "division": division, "drawing": drawing,
        "result": result, "result_notes": notes, "request_doc": request_doc, "result_svg": result_svg,
        "words": _result_words(result, request_doc) if result else None,
        "request_json": json.dumps(request_doc, indent=2) if result else "",
        "result_json": json.dumps(result, indent=2) if result else "",
    })


def _team(code: str | None) -> str:
    """The engine's team code as the page says it."""
    if code == "home":
        return pgettext("team", "home")
    if code == "away":
        return pgettext("team", "away")
    return ""


def _result_words(result: dict, request_doc: dict) -> dict[str, str]:
    """The ruling in whole sentences of the reader's language."""
    restart, team = result["restart"], result["awarded_to"]
    headlines = {
        ("indirect_free_kick", "home"): _("Indirect free kick to the home team"),
        ("indirect_free_kick", "away"): _("Indirect free kick to the away team"),
        ("direct_free_kick", "home"): _("Direct free kick to the home team"),
        ("direct_free_kick", "away"): _("Direct free kick to the away team"),
    }
    takers = {"home": _("The home team"), "away": _("The away team")}
    areas = {"home": _("Anywhere in the home goal area (shaded)"), "away": _("Anywhere in the away goal area (shaded)")}
    return {
        "headline": headlines.get((restart, team), _("No free kick: play on")),
        "taker": takers.get(team or "", _("Nobody: no heading offence")),
        "area": areas.get(result.get("goal_area") or "", ""),
        "offender": _team(request_doc["offending_team"]),
    }


def _drawing_title(result: dict, offence: tuple[float, float]) -> str:
    values = {"ox": f"{offence[0]:g}", "oy": f"{offence[1]:g}"}
    if result["restart"] == "none":
        return _("No free kick: play on; header at %(ox)s m, %(oy)s m") % values
    kind = _("Indirect free kick") if result["restart"] == "indirect_free_kick" else _("Direct free kick")
    values["kind"] = kind
    if result["spot"]:
        values.update(x=f"{result['spot']['x']:g}", y=f"{result['spot']['y']:g}")
        if result["anywhere_in_goal_area"]:
            return _("%(kind)s at %(x)s m, %(y)s m; header at %(ox)s m, %(oy)s m; may be taken anywhere in the "
                     "shaded goal area") % values
        return _("%(kind)s at %(x)s m, %(y)s m; header at %(ox)s m, %(oy)s m") % values
    return _("%(kind)s; header at %(ox)s m, %(oy)s m") % values
