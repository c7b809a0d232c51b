"""Applying for cross-certification, and resubmitting a returned application.

The policy decides: `crosscert(licence, policy)` says whether the licence is
accepted, which courses it grants, who approves and what must be on record
first. A refused licence is refused with the policy's reason before
anything (the scan included) is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from coachready.certs.models import CertificationRecord
from coachready.core.policy_words import local, local_title
from coachready.core.uploads import validate_evidence_file
from coachready.crosscert.models import LICENCE_CHOICES, Application
from coachready.crosscert.services import notify
from coachready.org.audit import log_action
from coachready.org.models import Person
from coachready.rules import InputError, counts_on, crosscert, record_valid_until
from coachready.wording.render import render

LICENCE_TITLES = dict(LICENCE_CHOICES)


class CrossCertError(Exception):
    """A refused request: a stable `code`, words for the volunteer, and the
    form field it belongs to (empty when it concerns the whole request)."""

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class PreconditionCheck:
    code: str
    label: str
    met: bool
    detail: str
    # Met by the application itself (the licence copy), not by the record.
    with_application: bool = False


@dataclass(frozen=True)
class LicenceOption:
    code: str
    title: str
    accepted: bool
    grants: tuple[str, ...]
    grant_titles: tuple[str, ...]
    reason: str
    wording: Any = None  # coachready.rules.Wording: the reason, for pages


def licence_options(policy) -> list[LicenceOption]:
    """Every licence the contract knows, with the policy's answer for it."""
    options = []
    for code, fallback in LICENCE_CHOICES:
        result = crosscert(code, policy)
        rule = policy.crosscert.licences.get(code)
        options.append(
            LicenceOption(
                code=code,
                title=(local(rule, "title") if rule is not None and rule.title else fallback),
                accepted=result.accepted,
                grants=tuple(result.grants),
                grant_titles=tuple(local_title(policy, c) for c in result.grants),
                reason=local(rule, "reason") if rule is not None else result.reason,
                wording=result.wording,
            )
        )
    return options


def _has_current(records: list[CertificationRecord], code: str, as_of: date, policy) -> bool:
    """Is a verified record that satisfies `code` counting on `as_of`?"""
    satisfiers = policy.satisfiers.get(code, (code,))
    for record in records:
        if record.requirement not in satisfiers:
            continue
        spec = policy.requirements.get(record.requirement)
        until = record_valid_until(record.completed_on, record.valid_until, spec.validity_months if spec else None)
        if counts_on(record.completed_on, until, as_of):
            return True
    return False


def check_preconditions(
    person: Person, policy, as_of: date, *, has_scan: bool | None = None
) -> list[PreconditionCheck]:
    """The policy's cross-certification preconditions for `person`, each
    met or not, in the policy's order. `has_scan` None means the licence copy
    is still to be uploaded on the form (shown, not yet judged)."""
    records = list(person.records.filter(status=CertificationRecord.Status.VERIFIED))
    checks = []
    for code in policy.crosscert.preconditions:
        if code == "registered_volunteer":
            met = person.status == Person.Status.ACTIVE
            checks.append(PreconditionCheck(
                code, _("Registered volunteer"), met,
                _("Registered with the region.") if met
                else _("Register as a volunteer with your region for this membership year first."),
            ))
        elif code == "licence_copy":
            checks.append(PreconditionCheck(
                code, _("A copy of the licence"), has_scan is not False,
                _("Upload a scan or photo of the licence with the application.") if has_scan is None
                else (_("Attached.") if has_scan else _("Attach a scan or photo of the licence.")),
                with_application=has_scan is None,
            ))
        elif code == "not_suspended":
            # A red risk status means "no role" (DOMAIN.md section 2): the
            # closest the records come to a suspension.
            checks_latest = sorted(
                (r for r in records if r.requirement == "background_check"), key=lambda r: r.completed_on
            )
            met = not checks_latest or (checks_latest[-1].risk_status or "green") != "red"
            checks.append(PreconditionCheck(
                code, _("Not suspended"), met,
                _("No suspension on record.") if met
                else _("Your background check's risk status allows no role; contact your region."),
            ))
        else:
            title = local_title(policy, code)
            met = _has_current(records, code, as_of, policy)
            checks.append(PreconditionCheck(
                code, title, met,
                _("On record.") if met else _("Complete %(requirement)s before you apply.") % {"requirement": title},
            ))
    return checks


def validate_application(
    person: Person,
    data: dict[str, Any],
    policy,
    as_of: date,
    *,
    exclude: Application | None = None,
    scan_required: bool = True,
) -> list[CrossCertError]:
    """Every problem with an application, each naming its field. Empty when
    it may be submitted. The licence is judged first: a refused licence is
    refused with the policy's reason and nothing else matters."""
    licence = data.get("licence") or ""
    try:
        result = crosscert(licence, policy)
    except InputError as exc:
        return [CrossCertError("unknown_licence", exc.message, "licence")]
    if not result.accepted:
        return [CrossCertError("licence_refused", render(result.wording), "licence")]
    required = (
        ("licence_number", _("Enter the licence number.")),
        ("issuing_body", _("Enter the issuing body.")),
        ("issued_on", _("Enter the issue date.")),
    )
    problems = [CrossCertError("required", message, name) for name, message in required if not data.get(name)]
    course = data.get("course") or ""
    if course not in result.grants:
        titles = ", ".join(local_title(policy, c) for c in result.grants)
        problems.append(CrossCertError(
            "course_not_granted",
            _("The %(licence)s can be cross-certified for %(courses)s only.") % {
                "licence": LICENCE_TITLES.get(licence, licence), "courses": titles},
            "course",
        ))
    issued_on, expires_on = data.get("issued_on"), data.get("expires_on")
    if issued_on and issued_on > as_of:
        problems.append(CrossCertError("issued_in_future", _("The issue date cannot be in the future."), "issued_on"))
    if issued_on and expires_on and expires_on <= issued_on:
        problems.append(CrossCertError("expiry_before_issue", _("The licence must expire after it was issued."),
                                       "expires_on"))
    elif expires_on and expires_on < as_of:
        problems.append(CrossCertError(
            "licence_expired",
            _("This licence expired on %(day)s; only a current licence counts.") % {
                "day": formats.date_format(expires_on, "Y-m-d")},
            "expires_on",
        ))
    scan = data.get("scan")
    if scan is not None:
        try:
            validate_evidence_file(scan)
        except ValidationError as exc:
            problems.append(CrossCertError("bad_scan", " ".join(exc.messages), "scan"))
    elif scan_required:
        problems.append(CrossCertError("scan_missing", _("Attach a scan or photo of the licence."), "scan"))
    unmet = [c for c in check_preconditions(person, policy, as_of, has_scan=True) if not c.met]
    if unmet:
        problems.append(CrossCertError(
            "preconditions_unmet",
            _("Before you apply: %(steps)s") % {"steps": " ".join(c.detail for c in unmet)},
        ))
    open_ones = person.crosscert_applications.filter(
        course=course, status__in=[Application.Status.SUBMITTED, Application.Status.RETURNED]
    )
    if exclude is not None:
        open_ones = open_ones.exclude(pk=exclude.pk)
    if course and open_ones.exists():
        problems.append(CrossCertError(
            "already_open",
            _("You already have an open application for %(course)s.") % {"course": local_title(policy, course)},
            "course",
        ))
    return problems


def _refuse(problems: list[CrossCertError]) -> None:
    if problems:
        raise problems[0]


FIELDS = ("licence", "licence_number", "issuing_body", "issued_on", "expires_on", "course", "statement")


@transaction.atomic
def submit_application(person: Person, data: dict[str, Any], *, user: Any = None) -> Application:
    """Store a new application at the first step of the policy's chain,
    audit it and email the first reviewers and the applicant."""
    region = person.home_region
    policy = region.policy()
    now = timezone.now()
    _refuse(validate_application(person, data, policy, timezone.localdate()))
    result = crosscert(data["licence"], policy)
    chain = list(result.approval_chain)
    application = Application(
        applicant=person,
        licence=data["licence"],
        licence_number=data["licence_number"],
        issuing_body=data["issuing_body"],
        issued_on=data["issued_on"],
        expires_on=data.get("expires_on"),
        course=data["course"],
        statement=data.get("statement") or "",
        scan=data["scan"],
        policy_name=policy.name,
        approval_chain=chain,
        status=Application.Status.SUBMITTED,
        step=0,
        round=1,
        current_role=chain[0],
        step_since=now,
        submitted_at=now,
    )
    application.save()
    log_action(
        "crosscert.application.submitted",
        user=user,
        obj=application,
        region=region,
        summary=f"{person.display_name} applied to cross-certify a {application.get_licence_display()} "
        f"for {policy.title_of(application.course)}",
        data={"licence": application.licence, "course": application.course, "chain": chain, "round": 1},
    )
    notify.submitted(application, policy)
    return application


@transaction.atomic
def resubmit_application(application: Application, data: dict[str, Any], *, user: Any = None) -> Application:
    """Send a returned application back into review. The chain resumes at
    the step that returned it, in a new round."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.RETURNED:
        raise CrossCertError(
            "not_returned", _("Only an application returned for more information can be resubmitted.")
        )
    person = application.applicant
    policy = person.home_region.policy()
    _refuse(validate_application(
        person, data, policy, timezone.localdate(), exclude=application, scan_required=False
    ))
    before = {name: getattr(application, name) for name in FIELDS}
    for name in FIELDS:
        if name in data:
            value = data[name]
            setattr(application, name, value if name in {"issued_on", "expires_on"} else (value or ""))
    if data.get("scan") is not None:
        application.scan = data["scan"]
    application.status = Application.Status.SUBMITTED
    application.round += 1
    application.current_role = application.step_role
    application.step_since = timezone.now()
    application.save()
    changed = {k: [before[k], getattr(application, k)] for k in FIELDS if before[k] != getattr(application, k)}
    log_action(
        "crosscert.application.submitted",
        user=user,
        obj=application,
        region=person.home_region,
        summary=f"{person.display_name} resubmitted the cross-certification application",
        data={"resubmitted": True, "round": application.round, "changed": changed,
              "new_scan": data.get("scan") is not None},
    )
    notify.submitted(application, policy, resubmitted=True)
    return application
