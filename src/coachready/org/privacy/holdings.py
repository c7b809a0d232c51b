"""Where the product holds data about one person: one query set per kind,
shared by the export (which reads them) and the erasure (which removes them)."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast

from coachready.org.models import AuditEntry
from coachready.org.privacy.subject import Subject


def _email_q(field: str, emails) -> Q:  # noqa: ANN001
    return reduce(or_, (Q(**{f"{field}__iexact": e}) for e in emails), Q(pk__in=[]))


def text_q(subject: Subject, *fields: str) -> Q:
    return reduce(
        or_, (Q(**{f"{f}__icontains": n}) for f in fields for n in subject.needles), Q(pk__in=[])
    )


def person_rows(subject: Subject) -> dict[str, QuerySet]:
    """The rows that belong to the person's volunteer record, by kind."""
    from coachready.certs.models import CertificationRecord
    from coachready.crosscert.models import Application, Decision
    from coachready.notify.models import DigestRun, NotificationPreference, SentReminder
    from coachready.org.models import RoleAssignment
    from coachready.passes.models import IssuedPass
    from coachready.schoolyard.models import PlanSession, SeasonPlan
    from coachready.site.models import InterestNote
    from coachready.teams.models import CoachAssignment
    from coachready.training.models import Attendance, Enrollment, Event, FeedToken, Reminder

    p = subject.person
    if p is None:
        return {}
    return {
        "roles": RoleAssignment.objects.filter(person=p),
        "team_assignments": CoachAssignment.objects.filter(person=p),
        "certification_records": CertificationRecord.objects.filter(person=p),
        "enrolments": Enrollment.objects.filter(person=p),
        "attendance": Attendance.objects.filter(enrollment__person=p),
        "training_reminders": Reminder.objects.filter(enrollment__person=p),
        "events_taught": Event.objects.filter(instructors=p).only("id", "title", "region_id"),
        "crosscert_applications": Application.objects.filter(applicant=p),
        "crosscert_decisions": Decision.objects.filter(application__applicant=p),
        "schoolyard_plans": SeasonPlan.objects.filter(owner=p),
        "schoolyard_marks": PlanSession.objects.filter(plan__owner=p),
        "interest_notes": InterestNote.objects.filter(person=p),
        "certification_reminders": SentReminder.objects.filter(person=p),
        "weekly_summaries": DigestRun.objects.filter(person=p),
        "notification_preference": NotificationPreference.objects.filter(person=p),
        "training_feed": FeedToken.objects.filter(person=p).defer("token"),
        "coach_passes": IssuedPass.objects.filter(person=p),
    }


def account_rows(subject: Subject) -> dict[str, QuerySet]:
    """The sign-in account and what hangs on it."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from coachready.heading.models import Practice

    u = subject.user
    if u is None:
        return {}
    return {
        "email_addresses": EmailAddress.objects.filter(user=u),
        "second_factors": Authenticator.objects.filter(user=u).only("id", "type", "created_at", "last_used_at"),
        "heading_logs": Practice.objects.filter(logged_by=u),
    }


def message_rows(subject: Subject) -> dict[str, QuerySet]:
    """Messages from the person's addresses and email sent to them."""
    from coachready.notify.models import OutboundEmail
    from coachready.site.models import ContactMessage

    to_them = OutboundEmail.objects.annotate(to_text=Cast("to", TextField())).filter(
        reduce(or_, (Q(to_text__icontains=e) for e in subject.emails), Q(pk__in=[]))
        | (Q(person=subject.person) if subject.person is not None else Q(pk__in=[]))
    )
    return {
        "contact_messages": ContactMessage.objects.filter(_email_q("email", subject.emails)),
        "emails_to_them": to_them,
    }


def audit_about(subject: Subject, rows: dict[str, QuerySet], *, with_actions: bool = True) -> QuerySet:
    """Audit entries about the person: on their record or anything of
    theirs, naming them in their summary or data, and (with_actions) the
    changes their account made."""
    objects = Q(pk__in=[])
    if subject.person is not None:
        objects |= Q(object_type="org.person", object_id=str(subject.person.pk))
    for qs in rows.values():
        ids = [str(pk) for pk in qs.values_list("pk", flat=True)]
        if ids:
            objects |= Q(object_type=qs.model._meta.label_lower, object_id__in=ids)
    if with_actions and subject.user is not None:
        objects |= Q(actor=subject.user)
    text = AuditEntry.objects.annotate(data_text=Cast("data", TextField()))
    return text.filter(objects | text_q(subject, "summary", "data_text"))


def mentions(subject: Subject, qs: QuerySet, *fields: str) -> QuerySet:
    """Rows of `qs` whose text fields name the person (for mail to others)."""
    casts = {f"{f}_text": Cast(f, TextField()) for f in fields}
    return qs.annotate(**casts).filter(text_q(subject, *casts))
