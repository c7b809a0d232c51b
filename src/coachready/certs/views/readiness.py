"""The region's readiness dashboard and per-requirement compliance view,
with their CSV and XLSX exports."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from coachready.certs.access import admin_region, admin_region_with_stamp
from coachready.certs.chart import readiness_bars
from coachready.certs.services import exports
from coachready.certs.services.compliance import compliance
from coachready.certs.services.dashboard import dashboard_key, season_readiness
from coachready.certs.services.readiness import BAND_LABELS, BANDS, REPORT_COLUMNS
from coachready.certs.services.versions import CACHE_SECONDS, readiness_base
from coachready.certs.views.common import pick_division, today
from coachready.teams.models import Season, Team
from coachready.teams.services import current_season

# How long a session's whole dashboard page is reused. The readiness in it
# is always current (the stamp is in the key); the frame's menu counts from
# other apps may lag by this much.
PAGE_SECONDS = 30
EXPORT_COLUMNS = (*REPORT_COLUMNS, "email", "missing")
STATUS_FILTERS = {**BAND_LABELS, "due_soon": "Due within 90 days (any)"}


def _season(request, region, as_of):  # noqa: ANN001
    seasons = list(Season.objects.filter(region=region).order_by("-membership_year", "-starts_on"))
    wanted = request.GET.get("season", "")
    chosen = next((s for s in seasons if str(s.pk) == wanted), None)
    if chosen is None and seasons:
        chosen = current_season(region, as_of)
    return seasons, chosen


def _export(name: str, fmt: str, rows: list[dict]) -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(EXPORT_COLUMNS, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    response = HttpResponse(exports.to_csv(EXPORT_COLUMNS, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _matches(row, query: str) -> bool:  # noqa: ANN001
    return query in row.name.lower() or query == row.volunteer_id.lower()


def _listed(rows: list, filters: dict[str, str]) -> list:
    listed = rows
    if filters["division"]:
        listed = [r for r in listed if r.division == filters["division"]]
    if filters["team"]:
        listed = [r for r in listed if str(r.team_id) == filters["team"]]
    if filters["requirement"]:
        listed = [r for r in listed if filters["requirement"] in r.unmet]
    if filters["status"] == "due_soon":
        listed = [r for r in listed if r.band.startswith("due_")]
    elif filters["status"]:
        listed = [r for r in listed if r.band == filters["status"]]
    if filters["q"]:
        query = filters["q"].lower()
        listed = [r for r in listed if _matches(r, query)]
    return listed


def _filters(request, policy) -> dict[str, str]:  # noqa: ANN001
    requirement = request.GET.get("requirement", "")
    status = request.GET.get("status", "")
    return {
        "division": pick_division(policy, request.GET.get("division")) or "",
        "team": request.GET.get("team", "")[:12],
        "requirement": requirement if requirement in policy.requirements else "",
        "status": status if status in STATUS_FILTERS else "",
        "q": request.GET.get("q", "").strip()[:100],
    }


def _whole_page_key(request, base: str, filters: dict[str, str]) -> str | None:  # noqa: ANN001
    """The key of this session's whole page, or None when it must be rendered
    afresh (a flash message is waiting, or there is no session yet).

    Per session, because the page's frame carries the user's menu and the
    session's CSRF token for signing out.
    """
    session_key = request.session.session_key
    if not session_key or len(get_messages(request)):
        return None
    who = hashlib.blake2s(session_key.encode(), digest_size=12).hexdigest()
    asked = {**filters, "season": request.GET.get("season", "")[:12], "page": request.GET.get("page", "")[:8]}
    # Hashed: what a visitor types may hold characters or a length a cache key cannot.
    return f"{base}:page:{who}:{_digest(urlencode(sorted(asked.items())))}"


def _digest(text: str) -> str:
    return hashlib.blake2s(text.encode(), digest_size=16).hexdigest()


@login_required
def dashboard(request, number: int):
    # The stamp before any fact: a write committing meanwhile makes what is
    # cached newer than its key, never older.
    region, stamp = admin_region_with_stamp(request.user, number)
    policy = region.policy()
    as_of = today()
    filters = _filters(request, policy)
    fmt = request.GET.get("format", "")
    base = readiness_base(region, as_of, stamp)
    whole_key = None if fmt in ("csv", "xlsx") else _whole_page_key(request, base, filters)
    if whole_key is not None:
        content = cache.get(whole_key)
        if content is not None:
            return HttpResponse(content)
    seasons, season = _season(request, region, as_of)
    context = {"region": region, "season": season}
    if season is None:
        return render(request, "certs/readiness.html", context)
    key = dashboard_key(region, season, as_of, base=base)
    if fmt in ("csv", "xlsx"):
        data = season_readiness(region, season, as_of, policy, key=key)
        rows = [r.as_export() for r in _listed(data.rows, filters)]
        return _export(f"readiness-region-{region.number}-{as_of}", fmt, rows)
    # The page body is a function of the data and of these parameters only
    # (no user, no token, links built from the normalised query), so it is
    # cached as HTML: a busy dashboard renders its 100-row table once.
    query = QueryDict(mutable=True)
    query.update({"season": str(season.pk), **{k: v for k, v in filters.items() if v}})
    page_number = request.GET.get("page", "1")[:8]
    page_key = f"{key}:html:{_digest(page_number + '?' + query.urlencode())}"
    body = cache.get(page_key)
    if body is None:
        data = season_readiness(region, season, as_of, policy, key=key)
        listed = _listed(data.rows, filters)
        page = Paginator(listed, 100).get_page(page_number)
        here = query.copy()
        if page.number > 1:
            here["page"] = str(page.number)
        body = render_to_string("certs/_readiness_body.html", {
            "region": region, "policy": policy, "season": season, "seasons": seasons,
            "teams": Team.objects.filter(season=season).order_by("division", "name").only("pk", "division", "name"),
            "summary": data.summary, "chart": readiness_bars(data.summary), "page": page, "filters": filters,
            "bands": [(b, BAND_LABELS[b]) for b in BANDS], "status_filters": STATUS_FILTERS.items(),
            "listed_count": len(listed), "total": len(data.rows), "as_of": as_of, "qs": query.urlencode(),
            "next_url": f"{request.path}?{here.urlencode()}",
            # One reverse() for the page, not one per row: ".../people/" + id + "/records/new/".
            "record_url": reverse("certs:manual_record", args=[region.number, 0]).removesuffix("0/records/new/"),
        })
        cache.set(page_key, body, CACHE_SECONDS)
    response = render(request, "certs/readiness.html", {**context, "body": mark_safe(body)})  # noqa: S308 - our render
    if whole_key is not None:
        # Briefly: the frame also shows other apps' menu counts.
        cache.set(whole_key, response.content, PAGE_SECONDS)
    return response


@login_required
def compliance_view(request, number: int):
    region = admin_region(request.user, number)
    policy = region.policy()
    as_of = today()
    seasons, season = _season(request, region, as_of)
    entries = compliance(region, season, as_of)
    code = request.GET.get("requirement", "")
    show = request.GET.get("show", "incomplete")
    if show not in ("complete", "incomplete", "exempt"):
        show = "incomplete"
    chosen = next((e for e in entries if e.code == code), None)
    people = getattr(chosen, show) if chosen else []
    fmt = request.GET.get("format", "")
    if chosen and fmt in ("csv", "xlsx"):
        data = [{"person": p.name, "volunteer_id": p.volunteer_id, "email": p.email, "requirement": chosen.code,
                 "status": p.status, "message": p.message} for p in people]
        columns = ("person", "volunteer_id", "email", "requirement", "status", "message")
        name = f"compliance-{chosen.code}-{show}-region-{region.number}-{as_of}"
        if fmt == "xlsx":
            response = HttpResponse(exports.to_xlsx(columns, data, title=chosen.code),
                                    content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
            return response
        response = HttpResponse(exports.to_csv(columns, data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    return render(request, "certs/compliance.html", {
        "region": region, "policy": policy, "season": season, "seasons": seasons, "entries": entries,
        "chosen": chosen, "show": show, "people": people, "as_of": as_of,
    })
