"""Who may see and change notify's pages. Built on coachready.org.access:
the region pages belong to the region's Regional Commissioner and Regional
Coach Administrator (and the coach administrators above them); a
volunteer's preferences belong to that volunteer alone."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from coachready.notify.models import NotificationPreference, OutboundEmail
from coachready.org.access import get_region_for
from coachready.org.models import Person, Region, Role

# The roles the weekly digest goes to and that run the region's reminders.
REGION_ROLES = (
    Role.REGIONAL_COMMISSIONER,
    Role.REGIONAL_COACH_ADMINISTRATOR,
    Role.AREA_COACH_ADMINISTRATOR,
    Role.SECTION_COACH_ADMINISTRATOR,
    Role.NATIONAL_COACH,
)
DIGEST_ROLES = (Role.REGIONAL_COMMISSIONER, Role.REGIONAL_COACH_ADMINISTRATOR)


def get_notify_region_for(user, number: int) -> Region:
    return get_region_for(user, number, REGION_ROLES)


def get_email_for(user, number: int, pk: int) -> tuple[Region, OutboundEmail]:
    region = get_notify_region_for(user, number)
    try:
        return region, OutboundEmail.objects.get(pk=pk, region=region)
    except (OutboundEmail.DoesNotExist, ValueError):
        raise Http404("No such email.") from None


def own_person(user) -> Person:
    """The signed-in volunteer's own person record."""
    person = user.person_or_none if getattr(user, "is_authenticated", False) else None
    if person is None:
        raise PermissionDenied("Your account is not linked to a volunteer record.")
    return person


def preference_for(person: Person) -> NotificationPreference:
    """The person's preference (unsaved default when they never chose)."""
    found = NotificationPreference.objects.filter(person=person).first()
    return found or NotificationPreference(person=person)
