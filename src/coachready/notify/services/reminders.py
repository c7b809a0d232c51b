"""Renewal reminders: `coachready send-reminders` (see notify/schedule.py for
when a reminder point is due).

A run finds every person who coaches or is proposed to coach in the chosen
regions, evaluates their requirements with their region's policy, and sends
each person ONE email listing every requirement at a reminder point.

Idempotent and safe to run twice at once: before an email is written, the
run inserts one SentReminder row per (person, requirement, valid_until,
point) with its own run id, ignoring rows that already exist; it then builds
emails only from the rows it inserted. The claim and the outbox rows commit
together per batch, so a run killed half-way leaves whole batches behind
and the next run sends exactly the rest.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from coachready.core.addresses import absolute_url
from coachready.core.mail import render_email
from coachready.notify.language import language_of
from coachready.notify.models import NotificationPreference, OutboundEmail, ReminderRun, SentReminder
from coachready.notify.outbox import new_email, status_for
from coachready.notify.schedule import CATCH_UP_DAYS, lapses_on, reminder_point
from coachready.notify.services.facts import (
    PolicyCache,
    coaching_contexts,
    coaching_people,
    coaching_person_filter,
    recipients,
    records_for,
)
from coachready.org.audit import log_action
from coachready.org.models import Region
from coachready.rules import InputError, evaluate, record_valid_until

BATCH = 200


@dataclass(frozen=True)
class DueItem:
    code: str
    title: str
    valid_until: date
    lapses_on: date
    point: int
    status: str
    message: str
    how_to: str
    renewal: str

    @property
    def key(self) -> tuple[str, date, int]:
        return (self.code, self.valid_until, self.point)


@dataclass
class PersonDue:
    person_id: int
    name: str
    email: str
    region: Region
    # False when the person is only proposed for a team (a pending
    # assignment): their reminders follow their notification preference.
    mandatory: bool
    items: list[DueItem] = field(default_factory=list)
    # The language the person reads (Person.language); empty for the default.
    language: str = ""


@dataclass(frozen=True)
class RunSummary:
    people: int
    reminders: int
    emails: int
    without_address: int
    dry_run: bool
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Window:
    """Per policy: the validity of each code and the days in which a
    record's last valid day can put a reminder due on the run's day."""

    months: dict[str, int | None]
    lo: date
    hi: date

    @classmethod
    def of(cls, policy, as_of: date) -> _Window:  # noqa: ANN001
        furthest = max((max(s.reminder_days, default=0) for s in policy.requirements.values()), default=0)
        return cls(
            {code: spec.validity_months for code, spec in policy.requirements.items()},
            as_of - timedelta(days=CATCH_UP_DAYS + 1),
            as_of + timedelta(days=furthest),
        )

    def may_be_due(self, records) -> bool:  # noqa: ANN001
        """Cheap pre-check before evaluating: does any record stop counting
        inside the window? A requirement's valid_until is always one of its
        records', so a person without one has nothing due and is skipped
        (most people, on any given day)."""
        months, lo, hi = self.months, self.lo, self.hi
        for record in records:
            until = record_valid_until(record.completed_on, record.valid_until, months.get(record.requirement))
            if until is not None and lo <= until <= hi:
                return True
        return False


def _items_for(contexts, records, policies: dict[int, tuple], as_of: date) -> list[DueItem]:  # noqa: ANN001
    found: dict[tuple[str, date, int], DueItem] = {}
    evaluated: set[tuple[int, str, str]] = set()
    for ctx in contexts:
        policy, window = policies[ctx.region_id]
        # A role and a team assignment often say the same thing: evaluate once.
        once = (id(policy), ctx.role, ctx.division)
        if once in evaluated:
            continue
        evaluated.add(once)
        if not window.may_be_due(records):
            continue
        try:
            division = policy.division(ctx.division)
            skip_course = None
        except InputError:
            # A coaching role with no division: every requirement but the
            # division's course still applies, so evaluate any division and
            # leave its course out.
            division = policy.divisions[0]
            skip_course = policy.course_for_division(division)
        verdict = evaluate(records, division, ctx.role, as_of, policy)
        for status in verdict.requirements:
            if status.valid_until is None or status.status not in ("met", "expired") or status.code == skip_course:
                continue
            point = reminder_point(policy.reminder_days(status.code), status.valid_until, as_of)
            if point is None:
                continue
            spec = policy.requirements[status.code]
            item = DueItem(
                status.code, status.title, status.valid_until, lapses_on(status.valid_until), point,
                status.status, status.message, spec.how_to, spec.renewal,
            )
            found.setdefault(item.key, item)
    return sorted(found.values(), key=lambda i: (i.lapses_on, i.code))


def find_due(as_of: date, regions_qs) -> list[PersonDue]:  # noqa: ANN001
    """Everyone with at least one reminder point due on `as_of`, in a fixed
    number of queries (regions, contexts, records, people, already sent)."""
    regions = {r.pk: r for r in regions_qs}
    cache = PolicyCache()
    policies = {pk: (cache.for_region(r), None) for pk, r in regions.items()}
    windows = {id(p): _Window.of(p, as_of) for p, _ in policies.values()}
    policies = {pk: (p, windows[id(p)]) for pk, (p, _) in policies.items()}
    # Only requirements that can lapse produce reminders, so only their
    # records (and records of codes that satisfy them) are loaded.
    codes: set[str] = set()
    for policy, _window in policies.values():
        for code, spec in policy.requirements.items():
            if spec.validity_months is not None:
                codes.update(policy.satisfiers[code])
    if not codes:
        return []
    people_filter = coaching_person_filter(as_of, regions_qs)
    contexts = coaching_contexts(as_of, regions_qs)
    records = records_for(people_filter, frozenset(codes))
    people = recipients(Q(pk__in=coaching_people(as_of, regions_qs)))
    sent = set(
        SentReminder.objects.filter(
            people_filter, valid_until__gte=as_of - timedelta(days=CATCH_UP_DAYS + 1)
        ).values_list("person_id", "requirement", "valid_until", "point")
    )
    due: list[PersonDue] = []
    for person_id, person_contexts in contexts.items():
        person_records = records.get(person_id)
        if not person_records or person_id not in people:
            continue
        items = [
            item for item in _items_for(person_contexts, person_records, policies, as_of)
            if (person_id, *item.key) not in sent
        ]
        if not items:
            continue
        person = people[person_id]
        region_ids = [c.region_id for c in person_contexts]
        region = regions[person.home_region_id if person.home_region_id in region_ids else region_ids[0]]
        due.append(
            PersonDue(person_id, person.name, person.email, region, any(c.active for c in person_contexts), items,
                      person.language)
        )
    due.sort(key=lambda d: (d.region.number, d.name, d.person_id))
    return due


def describe(person: PersonDue) -> str:
    parts = "; ".join(
        f"{i.title} lapses on {i.lapses_on}" + (" (today)" if i.point == 0 else f" ({i.point}-day reminder)")
        for i in person.items
    )
    address = person.email or "no email address"
    return f"Region {person.region.number}: {person.name} <{address}>: {parts}"


@dataclass(frozen=True)
class Notice:
    """One item as the email tells it on the day it is sent. A catch-up run
    (the scheduler missed a day) sends after the reminder point: the notice
    then gives the real days left and says it is late, and since when."""

    item: DueItem
    days_left: int
    due_on: date
    late_days: int


def notices_for(items: list[DueItem], as_of: date) -> list[Notice]:
    notices = []
    for item in items:
        due_on = item.lapses_on - timedelta(days=item.point)
        notices.append(Notice(item, (item.lapses_on - as_of).days, due_on, max(0, (as_of - due_on).days)))
    return notices


def _subject(notices: list[Notice]) -> str:
    """The subject in the active language, the day as that language writes
    a month and day (October 15, 15 de octubre, 10月15日)."""
    first = notices[0]
    item = first.item
    day = date_format(item.lapses_on, "MONTH_DAY_FORMAT")
    if len(notices) > 1:
        return ngettext(
            "%(count)d certification to renew, the first by %(day)s",
            "%(count)d certifications to renew, the first by %(day)s",
            len(notices),
        ) % {"count": len(notices), "day": day}
    if first.days_left == 0:
        return gettext("%(title)s has lapsed today") % {"title": item.title}
    if first.days_left < 0:
        return gettext("%(title)s lapsed on %(day)s") % {"title": item.title, "day": day}
    return gettext("%(title)s lapses on %(day)s") % {"title": item.title, "day": day}


def _render(person: PersonDue, as_of: date) -> tuple[str, str, str]:
    """Subject, text and HTML in the recipient's language."""
    with translation.override(language_of(person)):
        notices = notices_for(person.items, as_of)
        subject = _subject(notices)
        context = {
            "name": person.name, "notices": notices, "as_of": as_of, "region": person.region,
            "checklist_url": absolute_url("/my/", region=person.region),
            "preferences_url": absolute_url("/my/notifications/", region=person.region),
            "mandatory": person.mandatory,
        }
        text, html = render_email("email/notify/reminder", context, subject=subject)
    return subject, text, html


def _claim_and_queue(batch: list[PersonDue], as_of: date, run: uuid.UUID, frequencies: dict[int, str]) -> int:
    """One transaction: claim this batch's reminder keys, write an outbox row
    for each person with anything claimed. Returns the number of emails."""
    with transaction.atomic():
        SentReminder.objects.bulk_create(
            [
                SentReminder(person_id=p.person_id, requirement=i.code, valid_until=i.valid_until,
                             point=i.point, run=run, as_of=as_of)
                for p in batch if p.email for i in p.items
            ],
            ignore_conflicts=True,
        )
        claimed: set[tuple[int, str, date, int]] = set(
            SentReminder.objects.filter(run=run, email__isnull=True).values_list(
                "person_id", "requirement", "valid_until", "point"
            )
        )
        emails: list[OutboundEmail] = []
        for person in batch:
            mine = [i for i in person.items if (person.person_id, *i.key) in claimed]
            if not mine or not person.email:
                continue
            person_now = PersonDue(person.person_id, person.name, person.email, person.region, person.mandatory, mine,
                                   person.language)
            subject, text, html = _render(person_now, as_of)
            kind = OutboundEmail.Kind.MANDATORY if person.mandatory else OutboundEmail.Kind.OPTIONAL
            emails.append(
                new_email(
                    [person.email], subject, text, html,
                    reply_to=[person.region.email] if person.region.email else [],
                    template="email/notify/reminder", kind=kind, region=person.region, person_id=person.person_id,
                    status=status_for(kind, frequencies.get(person.person_id)),
                )
            )
        if not emails:
            return 0
        emails = OutboundEmail.objects.bulk_create(emails)
        # Link each claimed key to its email, in one UPDATE.
        SentReminder.objects.filter(run=run, email__isnull=True).update(
            email=Case(*(When(person_id=e.person_id, then=Value(e.pk)) for e in emails), default=None)
        )
        return len(emails)


def send_reminders(
    as_of: date,
    region: Region | None = None,
    *,
    dry_run: bool = False,
    batch: int = BATCH,
    after_batch: Callable[[int], None] | None = None,
    user: Any = None,
) -> RunSummary:
    """Find and send the reminders due on `as_of` (in `region`, else in every
    region). With `dry_run`, only describe them and write nothing.

    `after_batch(emails_so_far)` runs after each committed batch (tests use
    it to stop a run half-way).
    """
    from coachready.core.tasks import send_queued_mail_task

    regions_qs = Region.objects.filter(pk=region.pk) if region is not None else Region.objects.all()
    due = find_due(as_of, regions_qs)
    without_address = sum(1 for p in due if not p.email)
    reminders = sum(len(p.items) for p in due)
    lines = tuple(describe(p) for p in due)
    if dry_run:
        return RunSummary(len(due), reminders, 0, without_address, True, lines)
    optional = [p.person_id for p in due if not p.mandatory]
    frequencies: dict[int, str] = {}
    if optional:
        frequencies = dict(
            NotificationPreference.objects.filter(person_id__in=coaching_people(as_of, regions_qs)).values_list(
                "person_id", "frequency"
            )
        )
    run = uuid.uuid4()
    emails = 0
    for start in range(0, len(due), batch):
        emails += _claim_and_queue(due[start:start + batch], as_of, run, frequencies)
        send_queued_mail_task.enqueue()
        if after_batch is not None:
            after_batch(emails)
    ReminderRun.objects.create(run=run, as_of=as_of, region=region, started_by=user, people=len(due),
                               reminders=reminders, emails=emails)
    if emails or user is not None:
        log_action(
            "notify.reminders.sent", user=user, region=region,
            summary=f"Renewal reminders for {as_of}: {emails} emails",
            data={"as_of": as_of, "emails": emails, "run": str(run)},
        )
    return RunSummary(len(due), reminders, emails, without_address, False, lines)



def region_reminder_log(region: Region, *, limit: int = 50) -> tuple[ReminderRun | None, list[SentReminder]]:
    """What the region's page shows: the last run that covered the region,
    and the latest reminders sent to its volunteers with their emails."""
    last_run = ReminderRun.objects.filter(Q(region=region) | Q(region__isnull=True)).first()
    sent = list(
        SentReminder.objects.filter(person__home_region=region)
        .select_related("person", "email")
        .order_by("-created_at", "-id")[:limit]
    )
    return last_run, sent
