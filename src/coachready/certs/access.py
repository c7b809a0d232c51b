"""The access layer for certification records, built on coachready.org.access.

A volunteer sees their own records; administrators whose roles cover a
person's home region see and decide on that person's records. Everything
else is refused.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from coachready.certs.models import CertificationRecord
from coachready.core.inputs import parse_ids
from coachready.org.access import can_admin_region, get_region_for
from coachready.org.models import Person, Region
from coachready.org.names import name_order


def my_person(user) -> Person:
    """The signed-in user's own volunteer record, or 403 when there is none."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("Sign in first.")
    person = user.person_or_none
    if person is None:
        raise PermissionDenied("Your account is not linked to a volunteer record.")
    return person


def get_record_for(user, pk: int, *, decide: bool = False) -> CertificationRecord:
    """One record, if `user` may see it (the person or their region's
    administrators); with `decide=True` only administrators may."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("Sign in first.")
    try:
        record = CertificationRecord.objects.select_related(
            "person__home_region__area__section", "verified_by"
        ).get(pk=pk)
    except (CertificationRecord.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record.") from None
    if can_admin_region(user, record.person.home_region):
        return record
    if not decide and record.person.user_id is not None and record.person.user_id == user.pk:
        return record
    raise PermissionDenied("You may not see this record.")


def admin_region(user, number: int) -> Region:
    """A region the user administers (404 unknown, 403 outside their scope)."""
    return get_region_for(user, number)


def admin_region_with_stamp(user, number: int) -> tuple[Region, str | None]:
    """`admin_region`, with the region's readiness stamp read in the same
    query (None when the region has none yet): the dashboard reads both on
    every request, and each query is a round trip."""
    from django.db.models import OuterRef, Subquery

    from coachready.certs.models import ReadinessVersion

    stamp = ReadinessVersion.objects.filter(region=OuterRef("pk")).values("stamp")[:1]
    try:
        region = Region.objects.select_related("area__section").annotate(readiness_stamp=Subquery(stamp)).get(
            number=number
        )
    except Region.DoesNotExist:
        raise Http404("No such region.") from None
    if not can_admin_region(user, region):
        raise PermissionDenied("You do not administer this region.")
    return region, region.readiness_stamp


def get_region_person(user, region: Region, pk: int) -> Person:
    """A volunteer of `region`, for an administrator of that region."""
    if not can_admin_region(user, region):
        raise PermissionDenied("You do not administer this region.")
    try:
        return Person.objects.select_related("home_region").get(pk=pk, home_region=region)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404("No such volunteer in this region.") from None


def region_people(region: Region, ids) -> list[Person]:  # noqa: ANN001
    """The volunteers of `region` among `ids` (others are silently dropped,
    so a forged id from another region reaches nobody)."""
    clean = parse_ids(ids, limit=5000)
    return list(Person.objects.filter(home_region=region, pk__in=clean).order_by(*name_order(), "pk"))


def pending_for_region(region: Region):
    """Uploads waiting for verification from the region's volunteers, oldest first."""
    return (
        CertificationRecord.objects.filter(person__home_region=region, status=CertificationRecord.Status.PENDING)
        .select_related("person")
        .order_by("created_at", "pk")
    )
