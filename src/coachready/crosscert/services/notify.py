"""Emails about an application: to the holders of the step it now waits
on, and to the applicant. Queued inside the deciding transaction, so a
rolled-back decision sends nothing.

Each recipient reads their email in their own language: reviewers who share
a language get one email, written in it; the words (subject, roles, units,
licence) are made inside that language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coachready.core.mail import send_templated
from coachready.core.policy_words import local_title
from coachready.crosscert.access import role_holders, unit_label
from coachready.crosscert.models import Application, Decision
from coachready.org.models import Person, Role


def role_label(role: str) -> str:
    try:
        return str(Role(role).label)
    except ValueError:
        return role


def language_of(person: Person) -> str:
    """The language a person reads their email in."""
    return getattr(person, "language", "") or settings.LANGUAGE_CODE


def _address(person: Person) -> str:
    if person.user_id and person.user.email:
        return person.user.email
    return person.email


def _context(application: Application, policy, decision: Decision | None = None) -> dict:
    """The email's words, in the active language."""
    region = application.applicant.home_region
    role = application.step_role
    context = {
        "application": application,
        "applicant": application.applicant,
        "course_title": local_title(policy, application.course),
        "licence_title": application.get_licence_display(),
        "step_role": role_label(role),
        "step_unit": unit_label(role, region) if role else "",
        "url": reverse("crosscert:detail", args=[application.pk]),
    }
    if decision is not None:
        context.update({
            "decision": decision,
            "decided_by_role": role_label(decision.role),
            "decided_by_unit": unit_label(decision.role, region),
        })
    return context


def _to_reviewers(application: Application, policy, event: str, decision: Decision | None = None) -> None:
    """Tell the holders of the current step's role that it waits for them."""
    if application.status != Application.Status.SUBMITTED:
        return
    region = application.applicant.home_region
    holders = role_holders(application.current_role, region, exclude=application.applicant)
    by_language: dict[str, set[str]] = defaultdict(set)
    for holder in holders:
        address = _address(holder)
        if address:
            by_language[language_of(holder)].add(address)
    for language, addresses in sorted(by_language.items()):
        with translation.override(language):
            name = application.applicant.display_name
            subject = (
                _("Cross-certification waiting for your approval: %(name)s") % {"name": name}
                if application.is_last_step
                else _("Cross-certification waiting for your recommendation: %(name)s") % {"name": name}
            )
            send_templated(
                sorted(addresses), subject, "crosscert/email/to_reviewer",
                {**_context(application, policy, decision), "event": event,
                 "last_step": application.is_last_step},
                region=region,
            )


def _to_applicant(
    application: Application, policy, event: str, subject: Callable[[dict], str], decision: Decision | None = None
) -> None:
    applicant = application.applicant
    address = _address(applicant)
    if not address:
        return
    with translation.override(language_of(applicant)):
        context = {**_context(application, policy, decision), "event": event}
        send_templated(
            [address], subject(context), "crosscert/email/to_applicant", context,
            region=applicant.home_region, person=applicant,
        )


def submitted(application: Application, policy, *, resubmitted: bool = False) -> None:
    event = "resubmitted" if resubmitted else "submitted"
    _to_reviewers(application, policy, event)

    def subject(context: dict) -> str:
        names = {"course": context["course_title"]}
        if resubmitted:
            return _("Your cross-certification application for %(course)s is back in review") % names
        return _("Your cross-certification application for %(course)s is received") % names

    _to_applicant(application, policy, event, subject)


def decided(application: Application, decision: Decision, policy) -> None:
    _to_reviewers(application, policy, decision.action, decision)

    def subject(context: dict) -> str:
        return {
            Decision.Action.RECOMMEND: _("Your cross-certification application was recommended"),
            Decision.Action.APPROVE: _("Cross-certification approved: %(course)s") % {
                "course": context["course_title"]},
            Decision.Action.RETURN: _("Your cross-certification application needs more information"),
            Decision.Action.REJECT: _("Your cross-certification application was rejected"),
        }[decision.action]

    _to_applicant(application, policy, decision.action, subject, decision)
