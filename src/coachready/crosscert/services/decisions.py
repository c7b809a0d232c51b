"""Acting on an application's current step: recommend (or approve, at the
last step), return for more information, or reject.

Two reviewers may click at the same moment. The application row is locked
for the length of the decision (PostgreSQL), the reviewer's page carries the
step and round it showed, and the unique (application, step, round)
constraint on decisions stops a second decision where locks do not exist
(SQLite): exactly one decision per step and round, whatever the timing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coachready.certs.services.records import record_completion
from coachready.crosscert.access import refusal_to_act
from coachready.crosscert.models import Application, Decision
from coachready.crosscert.services import notify
from coachready.crosscert.services.applications import CrossCertError
from coachready.crosscert.services.notify import role_label
from coachready.org.audit import log_action

Action = Decision.Action

AUDIT_CODES = {
    Action.RECOMMEND: "crosscert.application.recommended",
    Action.APPROVE: "crosscert.application.approved",
    Action.RETURN: "crosscert.application.returned",
    Action.REJECT: "crosscert.application.rejected",
}


def allowed_actions(application: Application) -> tuple[str, ...]:
    """The actions the current step offers: the last step approves, the
    others recommend; every step may return or reject."""
    forward = Action.APPROVE if application.is_last_step else Action.RECOMMEND
    return (forward, Action.RETURN, Action.REJECT)


@transaction.atomic
def act_on_application(
    application_id: int,
    *,
    user: Any,
    action: str,
    reason: str = "",
    step: int,
    round: int,  # noqa: A002 - the model's own word for a pass through the chain
) -> Application:
    """Record `user`'s decision on the step they were shown (`step`, `round`).

    Raises PermissionDenied when the user does not hold the current step's
    role for the applicant (or is the applicant), and CrossCertError when
    the step has already been decided or the request is incomplete. Nothing
    is written in either case.
    """
    # Lock only the application row: joined rows (the applicant, their
    # region) are read, never changed here.
    application = Application.objects.select_for_update(of=("self",)).get(pk=application_id)
    if (
        application.status != Application.Status.SUBMITTED
        or application.step != step
        or application.round != round
    ):
        raise CrossCertError(
            "already_decided", _("This step has already been decided; the application has moved on.")
        )
    refusal = refusal_to_act(user, application)
    if refusal:
        raise PermissionDenied(refusal)
    if action not in allowed_actions(application):
        raise CrossCertError("invalid_action", _("Choose one of the actions offered for this step."), "action")
    reason = (reason or "").strip()
    if action in {Action.RETURN, Action.REJECT} and not reason:
        raise CrossCertError(
            "reason_required",
            _("Say what is missing or why the application is rejected; the applicant sees this."),
            "reason",
        )
    role = application.current_role
    try:
        with transaction.atomic():
            decision = Decision.objects.create(
                application=application, step=step, round=round, role=role,
                actor=user, action=action, reason=reason,
            )
    except IntegrityError:
        raise CrossCertError(
            "already_decided", _("This step has already been decided; the application has moved on.")
        ) from None

    now = timezone.now()
    applicant = application.applicant
    policy = applicant.home_region.policy()
    granted = None
    if action == Action.RECOMMEND:
        application.step += 1
        application.current_role = application.step_role
        application.step_since = now
    elif action == Action.RETURN:
        application.status = Application.Status.RETURNED
        application.current_role = ""
        application.step_since = now
        application.reason = reason
    elif action == Action.REJECT:
        application.status = Application.Status.REJECTED
        application.current_role = ""
        application.decided_at = now
        application.reason = reason
    else:
        application.status = Application.Status.APPROVED
        application.current_role = ""
        application.decided_at = now
        application.reason = reason
        # The certificate counts at once: a verified record whose source
        # points back at this application.
        granted = record_completion(
            applicant,
            application.course,
            timezone.localdate(),
            source="crosscert",
            user=user,
            source_ref=f"crosscert.application:{application.pk}",
            note=_("Cross-certified from %(licence)s %(number)s") % {
                "licence": application.get_licence_display(), "number": application.licence_number},
        )
    application.save()
    log_action(
        AUDIT_CODES[Action(action)],
        user=user,
        obj=application,
        region=applicant.home_region_id,
        summary=f"{role_label(role)} {Action(action).label.lower()} the cross-certification of "
        f"{applicant.display_name} ({policy.title_of(application.course)})",
        data={
            "decision": decision.pk, "step": step, "round": round, "role": role, "reason": reason,
            "record": granted.pk if granted is not None else None,
        },
    )
    notify.decided(application, decision, policy)
    return application
