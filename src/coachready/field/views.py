"""The field kit's page, its service worker and manifest, and the JSON it
keeps for offline use: the region's heading policy, the signed-in coach's
own teams and School Yard session, and the practices it sends back.

Everything a phone keeps is public (keys, revocations, the policy) or the
signed-in volunteer's own (their teams' logs, their plan); nobody else's.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from coachready.core.regions import current_region
from coachready.field import inputs, mine
from coachready.heading.services.practices import log_practice_once
from coachready.heading.services.review import week_start
from coachready.rules.policy_loader import load_policy

# What the worker keeps from the first visit on, for use with no connection.
SHELL_STATIC = (
    "coachready/site.css", "coachready/favicon.svg", "field/field.css", "field/rules.js", "field/passcheck.js",
    "field/store.js", "field/kit.js", "field/icon.svg", "field/icon-192.png", "field/icon-512.png",
)


def _policy(request):  # noqa: ANN001, ANN202
    region = current_region(request)
    return region.policy() if region is not None else load_policy()


@require_GET
@ensure_csrf_cookie
def kit(request):
    policy = _policy(request)
    region = current_region(request)
    # The worker fetches the page again whenever online; a browser cache
    # in between would only hand it an old one.
    response = render(request, "field/kit.html", {
        "divisions": [d for d in policy.divisions if d in policy.division_rules and d != "schoolyard"],
        "role_titles": [(code, role.title) for code, role in policy.roles.items()],
        "region": region,
        "time_zone": settings.TIME_ZONE,
        "signed_in": request.user.is_authenticated,
        "urls": {
            "keys": reverse("passes:keys"), "revoked": reverse("passes:revoked"), "policy": reverse("field:policy"),
            "mine": reverse("field:mine"), "practices": reverse("field:practices"), "sw": reverse("field:sw"),
        },
    })
    patch_cache_control(response, no_cache=True)
    return response


def _shell_urls() -> list[str]:
    return [reverse("field:kit"), reverse("field:manifest"), *(static(name) for name in SHELL_STATIC)]


@require_GET
def service_worker(request):
    shell = _shell_urls()
    data = {
        "shell": shell,
        # Network first, the kept copy when offline.
        "lists": [reverse("passes:keys"), reverse("passes:revoked"), reverse("field:policy"), reverse("field:mine"),
                  reverse("field:kit")],
        # A new set of files is a new cache: the old one goes when the new worker takes over.
        "version": hashlib.sha256(json.dumps(shell).encode()).hexdigest()[:12],
    }
    body = render_to_string("field/sw.js", {"config": json.dumps(data)})
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, no_cache=True)
    return response


@require_GET
def manifest(request):
    response = JsonResponse({
        "name": _("CoachReady field kit"),
        "short_name": _("Field kit"),
        "description": _("Check Coach Passes, rule on a heading restart and log a practice at the field, "
                         "even with no signal."),
        "lang": translation.get_language(),
        "start_url": reverse("field:kit"),
        "scope": reverse("field:kit"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b3d91",
        "icons": [
            {"src": static("field/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("field/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("field/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def policy_json(request):
    """The heading rules of the reader's region as data, for rules.js."""
    policy = _policy(request)
    return JsonResponse({
        "policy": policy.name,
        "divisions": list(policy.divisions),
        "division_rules": {
            code: {"ages": list(rules.ages), "field": rules.field.to_dict(), "heading_practice": rules.heading_practice,
                   "heading_match": rules.heading_match, "sanction": rules.sanction}
            for code, rules in policy.division_rules.items()
        },
        "heading": {
            "practice_minutes_per_week": policy.heading.practice_minutes_per_week,
            "headers_warning_above": policy.heading.headers_warning_above,
            "headers_limit": policy.heading.headers_limit,
            "sanction_max_age": policy.heading.sanction_max_age,
        },
    })


@require_GET
@ensure_csrf_cookie
def mine_json(request):
    """The signed-in coach's own teams (players, this week's and last week's
    practices) and this week's School Yard session; `signed_in: false` for
    anyone else, which also replaces what a phone kept for the last user."""
    response = JsonResponse(mine.document(request.user, timezone.localdate()),
                            json_dumps_params={"ensure_ascii": False})
    # Only the phone's own worker keeps it; no shared cache may.
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _error(status: int, code: str, message: str, path: str = "") -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message, "path": path}}, status=status,
                        json_dumps_params={"ensure_ascii": False})


@require_POST
def practices(request):
    """One practice logged on the phone. Sending it again (same client id)
    stores nothing new: 200 with the practice already stored, where the
    first send got 201. CSRF-checked like every other post."""
    if not request.user.is_authenticated:
        return _error(401, "sign_in", _("Sign in to send practices from the field kit."))
    try:
        entry = inputs.practice_entry(request, timezone.localdate())
    except inputs.Refused as refused:
        return _error(400, refused.code, refused.message, refused.path)
    practice, created = log_practice_once(
        entry.team, client_id=entry.client_id, day=entry.day, heading_minutes=entry.heading_minutes,
        headers=entry.headers, note=entry.note, user=request.user,
    )
    return JsonResponse({
        "client_id": str(entry.client_id), "practice": practice.pk, "created": created,
        "week": mine.team_week(practice.team, week_start(practice.date)),
    }, status=201 if created else 200, json_dumps_params={"ensure_ascii": False})
