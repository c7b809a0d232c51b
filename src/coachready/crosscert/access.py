"""Who may see and act on cross-certification applications.

Built on coachready.org.access: a chain role acts for an applicant when the
user holds that role over the applicant's home region (a region role at the
region, an area role at its area, a section role at its section, the
National Coach nationally). Everything else is denied.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from coachready.crosscert.models import ROLE_LEVELS, Application
from coachready.org.access import Scope, scope_for, scopes_by_role
from coachready.org.models import Person, Region, RoleAssignment

APPROVER_ROLES = tuple(ROLE_LEVELS)


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_reviewer(user) -> bool:
    """Does the user hold any role that can appear in an approval chain?"""
    return _signed_in(user) and any(not s.empty for s in _scopes_by_role(user).values())


def applications_for(user) -> QuerySet[Application]:
    """Applications the user may read: their own, and those of applicants
    whose home region one of their approval roles covers."""
    if not _signed_in(user):
        return Application.objects.none()
    own = Q(applicant__user=user)
    scope = scope_for(user, APPROVER_ROLES)
    visible = own if scope.empty else own | scope.region_filter("applicant__home_region")
    return Application.objects.filter(visible)


def get_application_for(user, pk: int) -> Application:
    """One application, if the user is its applicant or a reviewer over the
    applicant's region; 404 when it does not exist, 403 otherwise."""
    if not _signed_in(user):
        raise PermissionDenied(_("Sign in first."))
    try:
        application = Application.objects.select_related(
            "applicant__home_region__area__section", "applicant__user"
        ).get(pk=pk)
    except (Application.DoesNotExist, ValueError, TypeError):
        raise Http404(_("No such application.")) from None
    if application.applicant.user_id == user.pk:
        return application
    if scope_for(user, APPROVER_ROLES).covers(application.applicant.home_region):
        return application
    raise PermissionDenied(_("You may not see this application."))


def get_application_to_edit(user, pk: int) -> Application:
    """The applicant's own application, while it is returned to them."""
    application = get_application_for(user, pk)
    if application.applicant.user_id != user.pk:
        raise PermissionDenied(_("Only the applicant may change an application."))
    if application.status != Application.Status.RETURNED:
        raise PermissionDenied(_("Only an application returned for more information can be changed."))
    return application


def refusal_to_act(user, application: Application) -> str:
    """Why `user` may not act on the application's current step, or "" if
    they may. The applicant never acts on their own application, even when
    they hold the step's role."""
    if not _signed_in(user):
        return _("Sign in first.")
    if application.status != Application.Status.SUBMITTED or not application.current_role:
        return _("This application is not waiting for a review.")
    if application.applicant.user_id == user.pk:
        return _("You cannot review your own application.")
    if not scope_for(user, [application.current_role]).covers(application.applicant.home_region):
        return _("This step waits for another role holder.")
    return ""


def check_can_act(user, application: Application) -> None:
    reason = refusal_to_act(user, application)
    if reason:
        raise PermissionDenied(reason)


def _scopes_by_role(user) -> dict[str, Scope]:
    """The user's scope for each approval role, from one query. The menu
    asks on every page, so this avoids a query per role."""
    cache = user.__dict__.setdefault("_crosscert_scopes", {})
    if "by_role" in cache:
        return cache["by_role"]
    found = scopes_by_role(user, APPROVER_ROLES)
    cache["by_role"] = found
    return found


def queue_for(user) -> QuerySet[Application]:
    """Applications in review whose current step the user may act on,
    longest waiting first. One query for the list, whatever its length."""
    if not _signed_in(user):
        return Application.objects.none()
    waiting = Q(pk__in=[])
    for role, scope in _scopes_by_role(user).items():
        if not scope.empty:
            waiting |= Q(current_role=role) & scope.region_filter("applicant__home_region")
    return (
        Application.objects.filter(waiting, status=Application.Status.SUBMITTED)
        .exclude(applicant__user=user)
        .select_related("applicant__home_region__area__section")
        .order_by("step_since", "pk")
    )


def unit_label(role: str, region: Region) -> str:
    """Where the holder of `role` for an applicant of `region` sits."""
    level = ROLE_LEVELS.get(role, "national")
    if level == "region":
        return str(region)
    if level == "area":
        return str(region.area)
    if level == "section":
        return str(region.area.section)
    return _("National office")


def role_holders(role: str, region: Region, *, exclude: Person | None = None) -> list[Person]:
    """The people holding `role` over `region` today: the next actors an
    application's emails go to."""
    level = ROLE_LEVELS.get(role)
    unit = {
        "region": Q(region=region),
        "area": Q(area_id=region.area_id),
        "section": Q(section_id=region.area.section_id),
        "national": Q(region__isnull=True, area__isnull=True, section__isnull=True),
    }.get(level or "", Q(pk__in=[]))
    people = Person.objects.filter(
        pk__in=RoleAssignment.objects.active_on(timezone.localdate()).filter(unit, role=role).values("person_id")
    ).select_related("user")
    if exclude is not None:
        people = people.exclude(pk=exclude.pk)
    return list(people)
