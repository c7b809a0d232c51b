"""The public key and revocation lists every checker downloads, and the
volunteer's own pass."""

from __future__ import annotations

from io import BytesIO

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coachready.certs.access import my_person
from coachready.passes import keys, services
from coachready.passes.ratelimit import over_limit

# Checkers refresh the lists whenever online; a revocation should reach
# them within minutes, so caches keep the lists only briefly.
LIST_MAX_AGE = 300


def _limits(name: str, default: tuple[int, int]) -> tuple[int, int]:
    return getattr(settings, "COACH_PASS_RATE_LIMITS", {}).get(name, default)


def _too_many(request, scope: str, default: tuple[int, int]):  # noqa: ANN001, ANN202
    limit, window = _limits(scope, default)
    if not over_limit(request, scope, limit=limit, window=window):
        return None
    response = JsonResponse({"error": {"code": "rate_limited", "message": _("Too many requests; try again in a "
                                                                            "minute."), "path": ""}}, status=429)
    response["Retry-After"] = str(window)
    return response


def _public_json(data: dict) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=LIST_MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def keys_json(request):
    refused = _too_many(request, "lists", (120, 60))
    if refused:
        return refused
    today = timezone.localdate()
    return _public_json({
        "generated_on": today.isoformat(),
        "algorithm": "Ed25519",
        "keys": [
            {"key_id": key.key_id, "region": key.region.number, "public_key": key.public_key,
             "created_on": timezone.localdate(key.created_at).isoformat(),
             "retired_on": timezone.localdate(key.retired_at).isoformat() if key.retired_at else None}
            for key in keys.published_keys(today)
        ],
    })


@require_GET
def revoked_json(request):
    refused = _too_many(request, "lists", (120, 60))
    if refused:
        return refused
    today = timezone.localdate()
    return _public_json({
        "generated_on": today.isoformat(),
        "revoked": [
            {"pass_id": r.pass_id, "revoked_on": r.revoked_on.isoformat(), "reason": r.reason}
            for r in services.published_revocations(today)
        ],
    })


def _qr_svg(text: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg"):]  # no XML declaration inside HTML
    label = _("QR code of your Coach Pass")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="pass-qr" ', 1)


def _pass_context(request):  # noqa: ANN001, ANN202
    person = my_person(request.user)
    context = {"person": person, "as_of": timezone.localdate()}
    try:
        issued = services.issue(person, user=request.user)
    except services.PassRefused as refused:
        context["clearance"] = refused.clearance
        return context
    policy = person.home_region.policy()
    context.update(
        issued=issued, text=issued.text, qr=mark_safe(_qr_svg(issued.text)),  # noqa: S308 - our own SVG
        cleared=[{"role": policy.roles[role].title, "division": division} for role, division in issued.data.cleared],
    )
    return context


@login_required
def my_pass(request):
    refused = _too_many(request, "mine", (60, 60))
    if refused:
        return refused
    return render(request, "passes/my_pass.html", _pass_context(request))


@login_required
def card(request):
    refused = _too_many(request, "mine", (60, 60))
    if refused:
        return refused
    context = _pass_context(request)
    if "issued" not in context:
        return render(request, "passes/my_pass.html", context)
    return render(request, "passes/card.html", context)
