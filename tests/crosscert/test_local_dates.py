"""Cross-certification dates are the region's days, not UTC's: an
application submitted on a California evening is that evening's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from coachready.crosscert.models import Application

# 03:30 UTC on 1 March is 19:30 (Pacific) on 28 February.
EVENING = datetime(2026, 3, 1, 3, 30, tzinfo=UTC)


@pytest.mark.parametrize(("status", "field", "words"), [
    (Application.Status.SUBMITTED, "step_since", "since 2026-02-28."),
    (Application.Status.RETURNED, "step_since", "on 2026-02-28."),
    (Application.Status.APPROVED, "decided_at", "Approved on 2026-02-28;"),
    (Application.Status.REJECTED, "decided_at", "Rejected on 2026-02-28:"),
])
def test_the_banner_names_the_regions_day(world, login, submitted, settings, status, field, words):
    settings.TIME_ZONE = "America/Los_Angeles"
    Application.objects.filter(pk=submitted.pk).update(
        status=status, submitted_at=EVENING, **{field: EVENING}, reason="Not a current licence")
    page = login(world.coach).get(reverse("crosscert:detail", args=[submitted.pk])).content.decode()
    assert words in page
    assert "2026-03-01" not in page
