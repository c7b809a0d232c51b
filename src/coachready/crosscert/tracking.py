"""Where an application stands: the chain step by step, and one sentence
for the applicant and the lists. Built from the application row and its
decisions, so a page needs no query per step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from coachready.crosscert.access import unit_label
from coachready.crosscert.models import Application, Decision
from coachready.crosscert.services.notify import role_label


@dataclass(frozen=True)
class StepView:
    number: int
    role: str
    role_label: str
    unit: str
    state: str  # done | waiting | returned | rejected | approved | pending
    state_label: str
    decision: Decision | None
    since: datetime | None

    @property
    def badge(self) -> str:
        return _BADGES.get(self.state, "info")


_BADGES = {
    "done": "met", "approved": "met", "waiting": "pending", "returned": "due_soon",
    "rejected": "blocked", "pending": "info",
}


def chain_steps(application: Application, decisions: list[Decision]) -> list[StepView]:
    """Each step of the chain with its state; the decision shown for a step
    is the latest one taken on it."""
    region = application.applicant.home_region
    latest: dict[int, Decision] = {}
    for decision in decisions:
        if decision.step not in latest or (decision.round, decision.at) >= (
            latest[decision.step].round, latest[decision.step].at
        ):
            latest[decision.step] = decision
    steps = []
    for index, role in enumerate(application.approval_chain or []):
        decision = latest.get(index)
        since = None
        if index < application.step or application.status == Application.Status.APPROVED:
            state, label = "done", (decision.get_action_display() if decision else _("Recommended"))
        elif index == application.step:
            state, label, since = {
                Application.Status.SUBMITTED: ("waiting", _("Waiting"), application.step_since),
                Application.Status.RETURNED: ("returned", _("Returned for more information"), application.step_since),
                Application.Status.REJECTED: ("rejected", _("Rejected"), application.decided_at),
            }[application.status]
        else:
            state = "pending"
            label = _("Not reached") if application.status == Application.Status.REJECTED else _("Not yet")
        if application.status == Application.Status.APPROVED and index == application.step:
            state = "approved"
        steps.append(StepView(
            index + 1, role, role_label(role), unit_label(role, region), state, label,
            decision if state != "pending" else None, since,
        ))
    return steps


def standing(application: Application) -> str:
    """One sentence: who holds the application, and since when (the day in
    the region's time zone: a decision late in the evening is that day's, not
    the next day's in UTC)."""
    region = application.applicant.home_region
    role = application.step_role
    if application.status == Application.Status.SUBMITTED:
        return _("Waiting for the %(role)s (%(unit)s) since %(day)s.") % {
            "role": role_label(role), "unit": unit_label(role, region), "day": _day(application.step_since)}
    if application.status == Application.Status.RETURNED:
        return _("Returned to the applicant for more information by the %(role)s on %(day)s.") % {
            "role": role_label(role), "day": _day(application.step_since)}
    if application.status == Application.Status.APPROVED:
        return _("Approved on %(day)s; the certificate is on record.") % {"day": _day(application.decided_at)}
    return _("Rejected on %(day)s: %(reason)s") % {"day": _day(application.decided_at), "reason": application.reason}


def _day(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d}"
