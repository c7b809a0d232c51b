"""The region's heading summary: weeks with a violation, by team."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from coachready.heading.access import get_summary_region_for
from coachready.heading.services.review import region_violations
from coachready.teams.models import Season


@login_required
def region_summary(request, number: int):
    region = get_summary_region_for(request.user, number)
    seasons = list(Season.objects.filter(region=region))
    chosen = None
    wanted = request.GET.get("season", "")
    if wanted.isdigit():
        chosen = next((s for s in seasons if s.pk == int(wanted)), None)
    if chosen is None and seasons:
        today = timezone.localdate()
        chosen = next((s for s in seasons if s.starts_on <= today), seasons[-1])
    if chosen is not None:
        start, end = chosen.starts_on, chosen.ends_on
    else:
        end = timezone.localdate()
        start = end - timedelta(weeks=12)
    weeks = region_violations(region, start, end, region.policy())
    return render(request, "heading/region_summary.html", {
        "region": region, "seasons": seasons, "season": chosen, "start": start, "end": end, "weeks": weeks,
    })
