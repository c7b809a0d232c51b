"""Emails about an application: to the holders of the step it now waits
on, and to the applicant. Queued inside the deciding transaction, so a
rolled-back decision sends nothing."""

from __future__ import annotations

from django.urls import reverse

from coachready.core.mail import send_templated
from coachready.crosscert.access import role_holders, unit_label
from coachready.crosscert.models import Application, Decision
from coachready.org.models import Person, Role


def role_label(role: str) -> str:
    try:
        return Role(role).label
    except ValueError:
        return role


def _address(person: Person) -> str:
    if person.user_id and person.user.email:
        return person.user.email
    return person.email


def _context(application: Application, policy) -> dict:
    region = application.applicant.home_region
    role = application.step_role
    return {
        "application": application,
        "applicant": application.applicant,
        "course_title": policy.title_of(application.course),
        "licence_title": application.get_licence_display(),
        "step_role": role_label(role),
        "step_unit": unit_label(role, region) if role else "",
        "url": reverse("crosscert:detail", args=[application.pk]),
    }


def _to_reviewers(application: Application, policy, context: dict) -> None:
    """Tell the holders of the current step's role that it waits for them."""
    if application.status != Application.Status.SUBMITTED:
        return
    region = application.applicant.home_region
    holders = role_holders(application.current_role, region, exclude=application.applicant)
    to = sorted({a for a in (_address(p) for p in holders) if a})
    verb = "approval" if application.is_last_step else "recommendation"
    send_templated(
        to,
        f"Cross-certification waiting for your {verb}: {application.applicant.display_name}",
        "crosscert/email/to_reviewer",
        {**context, "verb": verb},
        region=region,
    )


def _to_applicant(application: Application, subject: str, context: dict) -> None:
    address = _address(application.applicant)
    if address:
        send_templated(
            [address], subject, "crosscert/email/to_applicant", context,
            region=application.applicant.home_region,
        )


def submitted(application: Application, policy, *, resubmitted: bool = False) -> None:
    context = {**_context(application, policy), "event": "resubmitted" if resubmitted else "submitted"}
    _to_reviewers(application, policy, context)
    _to_applicant(
        application,
        f"Your cross-certification application for {context['course_title']} is "
        + ("back in review" if resubmitted else "received"),
        context,
    )


def decided(application: Application, decision: Decision, policy) -> None:
    context = {
        **_context(application, policy),
        "event": decision.action,
        "decision": decision,
        "decided_by_role": role_label(decision.role),
        "decided_by_unit": unit_label(decision.role, application.applicant.home_region),
    }
    _to_reviewers(application, policy, context)
    subjects = {
        Decision.Action.RECOMMEND: "Your cross-certification application was recommended",
        Decision.Action.APPROVE: f"Cross-certification approved: {context['course_title']}",
        Decision.Action.RETURN: "Your cross-certification application needs more information",
        Decision.Action.REJECT: "Your cross-certification application was rejected",
    }
    _to_applicant(application, subjects[decision.action], context)
