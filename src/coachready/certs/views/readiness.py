"""The region's readiness dashboard and per-requirement compliance view,
with their CSV and XLSX exports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from coachready.certs.access import admin_region
from coachready.certs.chart import readiness_bars
from coachready.certs.services import exports
from coachready.certs.services.compliance import compliance
from coachready.certs.services.readiness import BAND_LABELS, BANDS, REPORT_COLUMNS, season_rows, summarise
from coachready.certs.views.common import pick_division, today
from coachready.teams.models import Season, Team
from coachready.teams.services import current_season

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


@login_required
def dashboard(request, number: int):
    region = admin_region(request.user, number)
    policy = region.policy()
    as_of = today()
    seasons, season = _season(request, region, as_of)
    filters = {
        "division": pick_division(policy, request.GET.get("division")) or "",
        "team": request.GET.get("team", ""),
        "requirement": request.GET.get("requirement", "") if request.GET.get("requirement") in policy.requirements
        else "",
        "status": request.GET.get("status", "") if request.GET.get("status") in STATUS_FILTERS else "",
        "q": request.GET.get("q", "").strip()[:100],
    }
    rows = season_rows(season, as_of) if season else []
    teams = list(Team.objects.filter(season=season).order_by("division", "name")) if season else []
    summary = summarise(rows, policy.divisions)
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
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        data = [{**r.as_report(), "email": r.email,
                 "missing": "; ".join(s.title for s in r.missing)} for r in listed]
        return _export(f"readiness-region-{region.number}-{as_of}", fmt, data)
    page = Paginator(listed, 100).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    query_string.pop("format", None)
    return render(request, "certs/readiness.html", {
        "region": region, "policy": policy, "season": season, "seasons": seasons, "teams": teams,
        "summary": summary, "chart": readiness_bars(summary), "page": page, "filters": filters,
        "bands": [(b, BAND_LABELS[b]) for b in BANDS], "status_filters": STATUS_FILTERS.items(),
        "listed_count": len(listed), "total": len(rows), "as_of": as_of, "qs": query_string.urlencode(),
    })


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
