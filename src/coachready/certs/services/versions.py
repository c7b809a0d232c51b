"""The readiness data stamp of each region, and the cache keyed by it.

Evaluating 2,000 verdicts takes a noticeable part of a second, and the
dashboard, the team list and the exports show the same rows again and again.
So the rows are cached per (region, season, day, data stamp, policy): the day
because verdicts change with it, the stamp because every write that changes
readiness replaces it (`bump_readiness_version`), the policy because a
region's overrides change verdicts too.

Readers take the stamp BEFORE reading the facts: a write that commits in
between then makes the cached rows newer than their key, never older.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from coachready.certs.models import ReadinessVersion

T = TypeVar("T")

# A bound on staleness should a writer ever forget to bump (a fix made in
# the database by hand): cached rows are recomputed at least this often.
CACHE_SECONDS = 600


def bump_readiness_version(region_ids: Iterable[Any]) -> None:
    """Give each region (ids or Region objects) a fresh readiness stamp.

    Call it inside the transaction of any write that changes what the
    region's readiness pages show: it commits or rolls back with the write.
    """
    ids = sorted({int(getattr(r, "pk", r)) for r in region_ids if r is not None})
    if not ids:
        return
    stamp = uuid.uuid4().hex
    with transaction.atomic():
        updated = ReadinessVersion.objects.filter(region_id__in=ids).update(stamp=stamp, changed_at=timezone.now())
        if updated < len(ids):
            ReadinessVersion.objects.bulk_create(
                [ReadinessVersion(region_id=pk, stamp=stamp) for pk in ids], ignore_conflicts=True
            )


def bump_readiness_for_people(person_ids: Iterable[int]) -> None:
    """Bump every region whose readiness pages show any of these people:
    their home regions, the regions of the teams they coach and those where
    they hold a coaching role (three queries, whatever the number of
    people). For writers of records and roles."""
    from coachready.org.models import Person, RoleAssignment
    from coachready.org.models.roles import COACHING_ROLES
    from coachready.teams.models import CoachAssignment

    ids = list(set(person_ids))
    if not ids:
        return
    homes = Person.objects.filter(pk__in=ids).values_list("home_region_id", flat=True).distinct()
    coached = (
        CoachAssignment.objects.filter(person_id__in=ids).exclude(status=CoachAssignment.Status.ENDED)
        .values_list("team__season__region_id", flat=True).distinct()
    )
    roles = (
        RoleAssignment.objects.filter(person_id__in=ids, role__in=COACHING_ROLES, region__isnull=False)
        .values_list("region_id", flat=True).distinct()
    )
    bump_readiness_version([*homes, *coached, *roles])


def readiness_stamp(region) -> str:  # noqa: ANN001
    """The region's current readiness stamp (one query; two the first time)."""
    found = ReadinessVersion.objects.filter(region_id=region.pk).values_list("stamp", flat=True).first()
    if found is None:
        row, _ = ReadinessVersion.objects.get_or_create(region_id=region.pk, defaults={"stamp": uuid.uuid4().hex})
        found = row.stamp
    return found


def policy_digest(region) -> str:  # noqa: ANN001
    """A short digest of the region's policy choice and overrides."""
    text = json.dumps([region.policy_name, region.policy_overrides or {}], sort_keys=True, default=str)
    return hashlib.blake2s(text.encode(), digest_size=8).hexdigest()


def readiness_base(region, as_of: date, stamp: str | None = None) -> str:  # noqa: ANN001
    """The part of every readiness cache key for `region` on `as_of`: valid
    as long as the region's stamp and policy stay the same. Take it before
    reading any fact (it reads the stamp unless the caller just did)."""
    stamp = stamp or readiness_stamp(region)
    return f"readiness:{region.pk}:{as_of.isoformat()}:{stamp}:{policy_digest(region)}"


def cached(key: str, compute: Callable[[], T]) -> T:
    """`compute()`, or its cached result under `key`."""
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found
