"""Everything the volunteer's page shows about one person, gathered with a
fixed number of queries whatever their history: verdicts and paths for each
role and division they hold, every record, pending uploads, enrolments,
cross-certification applications, reminders and emails sent, and the audit
entries about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Min, Q

from coachready.certs.models import CertificationRecord
from coachready.certs.services.path import Plan, default_target, plan_for
from coachready.core.policy_words import local, local_title
from coachready.org.models import AuditEntry, Person, Role, RoleAssignment

# Coaching roles as the rules engine names them.
ENGINE_ROLE = {Role.COACH: "head_coach", Role.ASSISTANT_COACH: "assistant_coach"}
RECENT = 30


@dataclass(frozen=True)
class Standing:
    """A role and division the person holds (a coaching role or a team) with
    the verdict and the path to ready."""

    division: str
    role: str
    role_title: str
    teams: tuple[str, ...]
    verdict: Any  # coachready.rules.Verdict
    plan: Plan


@dataclass(frozen=True)
class RecordLine:
    record: CertificationRecord
    title: str
    valid_until: date | None
    counting: bool
    lapsed: bool


@dataclass
class VolunteerOverview:
    person: Person
    policy: Any
    roles: list = field(default_factory=list)
    standings: list[Standing] = field(default_factory=list)
    records: list[RecordLine] = field(default_factory=list)
    pending: list[RecordLine] = field(default_factory=list)
    enrollments: list = field(default_factory=list)
    applications: list = field(default_factory=list)
    reminders: list = field(default_factory=list)
    emails: list = field(default_factory=list)
    audit: list = field(default_factory=list)
    teams: list = field(default_factory=list)
    season: Any = None


def _held(person: Person, roles: list, assignments: list, policy, as_of: date) -> dict:  # noqa: ANN001
    """(division, engine role) -> team names, from coaching roles with a
    division and from live team assignments."""
    from coachready.rules import InputError

    held: dict[tuple[str, str], list[str]] = {}
    for role in roles:
        if role.role in ENGINE_ROLE and role.division and role.is_active_on(as_of):
            try:
                division = policy.division(role.division)
            except InputError:
                continue  # a division the region's policy does not know: nothing to judge
            held.setdefault((division, ENGINE_ROLE[role.role]), [])
    for assignment in assignments:
        key = (assignment.team.division, assignment.role)
        held.setdefault(key, []).append(str(assignment.team))
    return held


def _record_lines(records: list[CertificationRecord], policy, as_of: date) -> list[RecordLine]:  # noqa: ANN001
    from coachready.rules import counts_on, record_valid_until

    lines = []
    for record in records:
        spec = policy.requirements.get(record.requirement)
        until = record_valid_until(record.completed_on, record.valid_until, spec.validity_months if spec else None)
        verified = record.status == CertificationRecord.Status.VERIFIED
        lines.append(RecordLine(
            record=record, title=local_title(policy, record.requirement), valid_until=until,
            counting=verified and counts_on(record.completed_on, until, as_of),
            lapsed=verified and until is not None and until < as_of,
        ))
    return lines


def volunteer_overview(person: Person, as_of: date, *, admin: bool) -> VolunteerOverview:
    """The volunteer's whole record on `as_of`. `admin` adds what only their
    region's administrators see: the audit trail and the teams to assign to.
    """
    from coachready.crosscert.models import Application
    from coachready.notify.models import OutboundEmail, SentReminder
    from coachready.rules import evaluate
    from coachready.teams.models import CoachAssignment, Team
    from coachready.training.models import Enrollment

    region = person.home_region
    policy = region.policy()
    roles = list(RoleAssignment.objects.filter(person=person).select_related("region", "area", "section")
                 .order_by("-start_on", "pk"))
    assignments = list(
        CoachAssignment.objects.filter(person=person, team__season__ends_on__gte=as_of)
        .exclude(status=CoachAssignment.Status.ENDED).select_related("team")
    )
    records = list(CertificationRecord.objects.filter(person=person).select_related("verified_by__person")
                   .order_by("-completed_on", "-pk"))
    overview = VolunteerOverview(person=person, policy=policy, roles=roles)
    overview.records = _record_lines(records, policy, as_of)
    overview.pending = [line for line in overview.records if line.record.status == CertificationRecord.Status.PENDING]
    pending_codes = {line.record.requirement for line in overview.pending}
    rule_records = [r.as_rule_record() for r in records if r.status == CertificationRecord.Status.VERIFIED]
    target, season = default_target(region, as_of)
    overview.season = season
    for (division, role), teams in sorted(_held(person, roles, assignments, policy, as_of).items()):
        verdict = evaluate(rule_records, division, role, as_of, policy)
        plan = plan_for(person, division, role, as_of, policy=policy, records=rule_records, target=target,
                        season=season, pending=pending_codes, with_offers=False)
        role_title = local(policy.roles[role], "title")
        overview.standings.append(Standing(division, role, role_title, tuple(teams), verdict, plan))
    overview.enrollments = list(
        Enrollment.objects.filter(person=person).select_related("event__region")
        .annotate(first_day=Min("event__sessions__date")).order_by("-first_day", "-pk")[:RECENT]
    )
    overview.applications = [
        (application, local_title(policy, application.course))
        for application in Application.objects.filter(applicant=person).order_by("-submitted_at")[:RECENT]
    ]
    overview.reminders = [
        (reminder, local_title(policy, reminder.requirement))
        for reminder in SentReminder.objects.filter(person=person).order_by("-created_at")[:RECENT]
    ]
    overview.emails = list(OutboundEmail.objects.filter(person=person).order_by("-created_at")
                           .only("subject", "status", "created_at", "sent_at")[:RECENT])
    if admin:
        about = (
            Q(object_type="org.person", object_id=str(person.pk))
            | Q(data__person=person.pk)
            | Q(object_type="certs.certificationrecord", object_id__in=[str(r.pk) for r in records])
            | Q(object_type="org.roleassignment", object_id__in=[str(r.pk) for r in roles])
        )
        overview.audit = list(AuditEntry.objects.filter(about).select_related("actor")[:RECENT])
        if season is not None:
            overview.teams = list(Team.objects.filter(season=season).order_by("division", "name"))
    return overview
