"""The one access layer for people and regions.

Every view that shows or changes a region's data asks here first. Scope runs
down the org tree: a role held nationally covers every region, one held at a
section covers the regions of its areas, one held at an area covers its
regions, one held at a region covers that region. Everything else is denied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from coachready.org.models import Person, Region, RoleAssignment
from coachready.org.models.roles import ADMIN_ROLES, Role


@dataclass(frozen=True)
class Scope:
    """The org units a user holds some set of roles at."""

    national: bool = False
    section_ids: frozenset[int] = frozenset()
    area_ids: frozenset[int] = frozenset()
    region_ids: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.national or self.section_ids or self.area_ids or self.region_ids)

    def region_filter(self, field: str = "") -> Q:
        """A filter for Region rows, or for rows whose region FK is `field`."""
        if self.national:
            return Q()
        own = f"{field}_id" if field else "pk"
        p = f"{field}__" if field else ""
        return (
            Q(**{f"{own}__in": self.region_ids})
            | Q(**{f"{p}area_id__in": self.area_ids})
            | Q(**{f"{p}area__section_id__in": self.section_ids})
        )

    def covers(self, region: Region) -> bool:
        if self.national:
            return True
        if region.pk in self.region_ids or region.area_id in self.area_ids:
            return True
        return bool(self.section_ids) and region.area.section_id in self.section_ids


def _today() -> date:
    return timezone.localdate()


def scope_for(user, roles: Iterable[str] = ADMIN_ROLES, *, on: date | None = None) -> Scope:
    """Where `user` holds any of `roles` today. Superusers hold everything."""
    if not getattr(user, "is_authenticated", False):
        return Scope()
    if user.is_superuser:
        return Scope(national=True)
    roles = frozenset(roles)
    cache = user.__dict__.setdefault("_coachready_scopes", {})
    key = (roles, on)
    if key in cache:
        return cache[key]
    rows = RoleAssignment.objects.active_on(on or _today()).filter(
        person__user=user, role__in=roles
    ).values_list("region_id", "area_id", "section_id")
    scope = _scope_of(rows)
    cache[key] = scope
    return scope


def _scope_of(units: Iterable[tuple[int | None, int | None, int | None]]) -> Scope:
    """A Scope from (region_id, area_id, section_id) rows of role assignments;
    a row with none of them is held at the National office."""
    national, sections, areas, regions = False, set(), set(), set()
    for region_id, area_id, section_id in units:
        if region_id:
            regions.add(region_id)
        elif area_id:
            areas.add(area_id)
        elif section_id:
            sections.add(section_id)
        else:
            national = True
    return Scope(national, frozenset(sections), frozenset(areas), frozenset(regions))


def scopes_by_role(user, roles: Iterable[str], *, on: date | None = None) -> dict[str, Scope]:
    """The user's scope for each of `roles` they hold, from one query (pages
    that ask about several roles at once need not query per role)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    if user.is_superuser:
        return {role: Scope(national=True) for role in roles}
    units: dict[str, list[tuple[int | None, int | None, int | None]]] = {}
    rows = RoleAssignment.objects.active_on(on or _today()).filter(
        person__user=user, role__in=list(roles)
    ).values_list("role", "region_id", "area_id", "section_id")
    for role, *unit in rows:
        units.setdefault(role, []).append(tuple(unit))
    return {role: _scope_of(held) for role, held in units.items()}


def is_admin(user) -> bool:
    """Does the user administer any part of the tree?"""
    return not scope_for(user).empty


def regions_for(user, roles: Iterable[str] = ADMIN_ROLES) -> QuerySet[Region]:
    scope = scope_for(user, roles)
    if scope.empty:
        return Region.objects.none()
    return Region.objects.filter(scope.region_filter()).select_related("area__section")


def can_admin_region(user, region: Region, roles: Iterable[str] = ADMIN_ROLES) -> bool:
    return scope_for(user, roles).covers(region)


def get_region_for(user, number: int, roles: Iterable[str] = ADMIN_ROLES) -> Region:
    """The region numbered `number`, if `user` holds one of `roles` over it.

    Unknown regions are 404; known ones outside the user's scope are 403, so
    an outsider learns nothing more than that they may not look.
    """
    try:
        region = Region.objects.select_related("area__section").get(number=number)
    except Region.DoesNotExist:
        raise Http404(_("No such region.")) from None
    if not can_admin_region(user, region, roles):
        raise PermissionDenied(_("You do not administer this region."))
    return region


def people_for(user, roles: Iterable[str] = ADMIN_ROLES) -> QuerySet[Person]:
    """The volunteers whose records `user` may see: themself, plus everyone
    whose home region their administrator roles cover."""
    if not getattr(user, "is_authenticated", False):
        return Person.objects.none()
    scope = scope_for(user, roles)
    own = Q(user=user)
    if scope.empty:
        return Person.objects.filter(own)
    if scope.national:
        return Person.objects.all()
    return Person.objects.filter(own | scope.region_filter("home_region"))


def get_person_for(user, pk: int, *, write: bool = False) -> Person:
    """One volunteer, if `user` may see them (or change them, with write=True).

    People see and edit their own record; administrators covering the
    person's home region see and change theirs.
    """
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Sign in first."))
    try:
        person = Person.objects.select_related("home_region__area__section", "user").get(pk=pk)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404(_("No such volunteer.")) from None
    if person.user_id == user.pk and person.user_id is not None:
        return person
    if can_admin_region(user, person.home_region):
        return person
    raise PermissionDenied(_("You may not see this volunteer's records."))


def holds_role_in(user, role: str, region: Region) -> bool:
    """Does `user` hold `role` at `region` or at a unit above it?"""
    return scope_for(user, [role]).covers(region)


# Who may answer a person's privacy request (export or erase their data):
# the Regional Commissioner and the Child and Volunteer Protection Advocate
# of the person's home region, and nobody else on the region's behalf.
PRIVACY_ROLES = (Role.REGIONAL_COMMISSIONER, Role.SAFETY_ADVOCATE)


def can_answer_privacy_requests(user, person: Person) -> bool:
    return scope_for(user, PRIVACY_ROLES).covers(person.home_region)


def get_person_for_privacy(user, pk: int) -> Person:
    """A volunteer whose privacy request `user` may answer: 404 when there is
    no such record, 403 for anyone but the region's RC and safety advocate."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_(_("Sign in first.")))
    try:
        person = Person.objects.select_related("home_region__area__section", "user").get(pk=pk)
    except (Person.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404(_(_("No such volunteer."))) from None
    if not can_answer_privacy_requests(user, person):
        raise PermissionDenied(
            _("Only the region's Regional Commissioner and safety advocate answer privacy requests.")
        )
    return person
