"""Who may see and manage training events. Built on coachready.org.access.

The region's administrators and the region's instructors manage its events;
anyone reads a published event; a volunteer sees only their own enrolments.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from coachready.org.access import can_admin_region, get_region_for, regions_for, scope_for
from coachready.org.models import Person, Region, Role, RoleAssignment
from coachready.org.models.roles import ADMIN_ROLES
from coachready.training.models import Enrollment, Event, FeedToken

MANAGER_ROLES = ADMIN_ROLES | {Role.INSTRUCTOR}
PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.CANCELLED, Event.Status.COMPLETED)


def can_manage(user, region: Region) -> bool:
    return can_admin_region(user, region, MANAGER_ROLES)


def managed_regions(user) -> QuerySet[Region]:
    return regions_for(user, MANAGER_ROLES)


def get_managed_region(user, number: int) -> Region:
    """Region `number` if `user` administers it or teaches in it (403/404 otherwise)."""
    return get_region_for(user, number, MANAGER_ROLES)


def get_managed_event(user, number: int, pk: int) -> tuple[Region, Event]:
    """An event of region `number` that `user` may manage."""
    region = get_managed_region(user, number)
    try:
        event = Event.objects.select_related("region").get(pk=pk, region=region)
    except Event.DoesNotExist:
        raise Http404(_("No such event in this region.")) from None
    return region, event


def public_events() -> QuerySet[Event]:
    return Event.objects.filter(status__in=PUBLIC_STATUSES)


def get_event_for(user, pk: int) -> Event:
    """An event page: published, cancelled and completed events are public;
    a draft only for those who manage its region."""
    try:
        event = Event.objects.select_related("region__area__section").get(pk=pk)
    except Event.DoesNotExist:
        raise Http404(_("No such event.")) from None
    if event.status == Event.Status.DRAFT and not can_manage(user, event.region):
        raise Http404(_("No such event."))
    return event


def person_of(user) -> Person:
    """The volunteer behind a signed-in account; enrolling needs one."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in first."))
    person = user.person_or_none
    if person is None:
        raise PermissionDenied(_("Your account is not linked to a volunteer record yet."))
    return person


def own_enrollment(user, event: Event) -> Enrollment | None:
    """The signed-in volunteer's live enrolment in `event`, if any."""
    person = getattr(user, "person_or_none", None) if getattr(user, "is_authenticated", False) else None
    if person is None:
        return None
    return (
        Enrollment.objects.filter(event=event, person=person)
        .exclude(status=Enrollment.Status.CANCELLED)
        .first()
    )


def own_enrollments(user) -> QuerySet[Enrollment]:
    """A volunteer's own enrolments, never anyone else's."""
    person = person_of(user)
    return Enrollment.objects.filter(person=person)


def person_for_feed_token(token: str) -> Person:
    try:
        return FeedToken.objects.select_related("person").get(token=token).person
    except FeedToken.DoesNotExist:
        raise Http404(_("No such calendar link.")) from None


def instructors_for(region: Region, *, on=None) -> QuerySet[Person]:
    """People holding the instructor role over `region` today: those who may
    be named as an event's instructors."""
    day = on or timezone.localdate()
    covering = (
        Q(region=region)
        | Q(area_id=region.area_id)
        | Q(section_id=region.area.section_id)
        | Q(region__isnull=True, area__isnull=True, section__isnull=True)
    )
    person_ids = (
        RoleAssignment.objects.active_on(day).filter(covering, role=Role.INSTRUCTOR).values("person_id")
    )
    return Person.objects.filter(pk__in=person_ids)


def is_instructor_in(user, region: Region) -> bool:
    return scope_for(user, [Role.INSTRUCTOR]).covers(region)
