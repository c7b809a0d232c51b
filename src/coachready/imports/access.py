"""Who may import into and export from which region. Built on the one
access layer (coachready.org.access): a region's administrators, and the
Area, Section and National administrators above it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from coachready.imports.models import ImportBatch
from coachready.org.access import get_region_for, regions_for
from coachready.org.models import Region


def get_import_region_for(user, number: int) -> Region:
    """The region numbered `number`, if `user` administers it (403/404 otherwise)."""
    return get_region_for(user, number)


def get_batch_for(user, number: int, pk: int) -> ImportBatch:
    """An upload of the region, if `user` administers the region."""
    region = get_region_for(user, number)
    batch = get_object_or_404(ImportBatch.objects.select_related("region", "uploaded_by"), pk=pk, region=region)
    batch.region = region
    return batch


def export_regions_for(user) -> QuerySet[Region]:
    """Every region `user` may export: for an Area or Section administrator,
    all the regions below them."""
    regions = regions_for(user)
    if not regions.exists():
        raise PermissionDenied("You do not administer any region.")
    return regions.order_by("number")
