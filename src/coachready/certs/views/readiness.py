"""The region's readiness dashboard and per-requirement compliance view,
with their CSV and XLSX exports."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from coachready.certs.access import admin_region, admin_region_with_stamp
from coachready.certs.chart import readiness_bars
from coachready.certs.services.compliance import COMPLIANCE_REPORT, compliance, compliance_export_rows
from coachready.certs.services.dashboard import DashboardCache
from coachready.certs.services.readiness import BAND_LABELS, BANDS, READINESS_REPORT
from coachready.certs.views.common import pick_division, today
from coachready.core import exports
from coachready.org.search import matching_ids
from coachready.teams.models import Season, Team
from coachready.teams.services import current_season

STATUS_FILTERS = {**BAND_LABELS, "due_soon": _("Due within 90 days (any)"), "awaiting_team": _("Awaiting a team")}


def _season(request, region, as_of):  # noqa: ANN001
    seasons = list(Season.objects.filter(region=region).order_by("-membership_year", "-starts_on"))
    wanted = request.GET.get("season", "")
    chosen = next((s for s in seasons if str(s.pk) == wanted), None)
    if chosen is None and seasons:
        chosen = current_season(region, as_of)
    return seasons, chosen




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
    elif filters["status"] == "awaiting_team":
        listed = [r for r in listed if not r.on_team]
    elif filters["status"]:
        listed = [r for r in listed if r.band == filters["status"]]
    if filters["q"]:
        found = matching_ids(filters["q"], (r.person_id for r in listed))
        listed = [r for r in listed if r.person_id in found]
    return listed


def _export_links(query: QueryDict) -> dict[str, str]:
    """The page's CSV and XLSX downloads: its filters and a format."""
    links = {}
    for fmt in ("csv", "xlsx"):
        asked = query.copy()
        asked["format"] = fmt
        links[fmt] = f"?{asked.urlencode()}"
    return links


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


@login_required
def dashboard(request, number: int):
    # The stamp before any fact: a write committing meanwhile makes what is
    # cached newer than its key, never older.
    region, stamp = admin_region_with_stamp(request.user, number)
    readiness = DashboardCache(region, today(), stamp)
    policy = region.policy()
    filters = _filters(request, policy)
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        _seasons, season = _season(request, region, readiness.as_of)
        data = readiness.season(season, policy)
        rows = [r.as_report() for r in _listed(data.rows, filters)]
        name = f"readiness-region-{region.number}-{readiness.as_of}"
        return exports.download(READINESS_REPORT, rows, fmt, name)
    asked = {**filters, "season": request.GET.get("season", "")[:12], "page": request.GET.get("page", "")[:8]}
    return readiness.whole_page(request, urlencode(sorted(asked.items())),
                                lambda: _dashboard_page(request, region, policy, filters, readiness))


def _dashboard_page(request, region, policy, filters: dict[str, str], readiness: DashboardCache):  # noqa: ANN001
    as_of = readiness.as_of
    seasons, season = _season(request, region, as_of)
    # The page body is a function of the data and of these parameters only
    # (no user, no token, links built from the normalised query), so it is
    # kept as HTML: a busy dashboard renders its 100-row table once.
    query = QueryDict(mutable=True)
    query.update({**({"season": str(season.pk)} if season else {}), **{k: v for k, v in filters.items() if v}})
    page_number = request.GET.get("page", "1")[:8]

    def render_body() -> str:
        data = readiness.season(season, policy)
        awaiting = sum(1 for r in data.rows if not r.on_team)
        listed = _listed(data.rows, filters)
        page = Paginator(listed, 100).get_page(page_number)
        here = query.copy()
        if page.number > 1:
            here["page"] = str(page.number)
        teams = Team.objects.filter(season=season).order_by("division", "name").only("pk", "division", "name")
        return render_to_string("certs/_readiness_body.html", {
            "region": region, "policy": policy, "season": season, "seasons": seasons,
            "teams": teams if season else [],
            "summary": data.summary, "chart": readiness_bars(data.summary), "page": page, "filters": filters,
            "bands": [(b, BAND_LABELS[b]) for b in BANDS], "status_filters": STATUS_FILTERS.items(),
            "listed_count": len(listed), "total": len(data.rows), "as_of": as_of, "qs": query.urlencode(),
            "exports": _export_links(query),
            "awaiting": awaiting, "on_team": len(data.rows) - awaiting,
            "next_url": f"{request.path}?{here.urlencode()}",
        })

    body = readiness.page(season, f"{page_number}:{query.urlencode()}", render_body)
    return render(request, "certs/readiness.html", {
        "region": region, "season": season, "body": mark_safe(body),  # noqa: S308 - our own render
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
        name = f"compliance-{chosen.code}-{show}-region-{region.number}-{as_of}"
        return exports.download(COMPLIANCE_REPORT, compliance_export_rows(chosen, people), fmt, name)
    downloads = {}
    if chosen:
        query = QueryDict(mutable=True)
        query.update({**({"season": str(season.pk)} if season else {}), "requirement": chosen.code, "show": show})
        downloads = _export_links(query)
    return render(request, "certs/compliance.html", {
        "region": region, "policy": policy, "season": season, "seasons": seasons, "entries": entries,
        "chosen": chosen, "show": show, "people": people, "as_of": as_of, "exports": downloads,
    })
