"""The weekly digest for each region's Regional Commissioner and Regional
Coach Administrator, and each volunteer's weekly summary of the optional
mail they asked to receive weekly: `coachready send-digests`.

The digest's content comes from the apps (coachready.core.hooks
digest_sections): certs (pending verifications, lapsed and lapsing coaches),
teams (teams whose coaches are not ready), crosscert (waiting steps),
training, heading. Each digest is claimed by (region, ISO week) and each
summary by (person, ISO week) in the same transaction that queues its
email, so the week's digest goes out once however often the command runs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from coachready.core.addresses import absolute_url
from coachready.core.hooks import DigestSection, digest_sections
from coachready.core.mail import render_email
from coachready.notify.access import DIGEST_ROLES
from coachready.notify.language import language_of
from coachready.notify.models import DigestRun, NotificationPreference, OutboundEmail
from coachready.notify.outbox import new_email
from coachready.org.audit import log_action
from coachready.org.models import Person, Region, RoleAssignment


@dataclass(frozen=True)
class Digest:
    region: Region
    as_of: date
    sections: tuple[DigestSection, ...]

    @property
    def week(self) -> tuple[int, int]:
        year, week, _ = self.as_of.isocalendar()
        return year, week

    @property
    def subject(self) -> str:
        year, week = self.week
        return gettext("Region %(number)s weekly digest, week %(week)s of %(year)s") % {
            "number": self.region.number, "week": week, "year": year,
        }


def build_digest(region: Region, as_of: date) -> Digest:
    """What the region's administrators should know this week."""
    return Digest(region, as_of, tuple(digest_sections(region, as_of)))


def digest_recipients(region: Region, as_of: date) -> list[Person]:
    """The region's RC and RCA on `as_of` who have an email address, once each."""
    ids = RoleAssignment.objects.active_on(as_of).filter(role__in=DIGEST_ROLES, region=region).values("person_id")
    return list(Person.objects.filter(pk__in=ids).exclude(email="").order_by("last_name", "pk"))


@dataclass(frozen=True)
class DigestOutcome:
    region: Region
    status: str  # "sent", "already_sent", "nothing_to_report", "no_recipients", "would_send"
    recipients: tuple[str, ...] = ()
    sections: int = 0


def _claim(kind: str, iso: tuple[int, int], *, region: Region | None = None, person_id: int | None = None) -> bool:
    """Claim this week's digest or summary; False if another run has it."""
    try:
        with transaction.atomic():
            DigestRun.objects.create(
                kind=kind, region=region, person_id=person_id, iso_year=iso[0], iso_week=iso[1], run=uuid.uuid4()
            )
    except IntegrityError:
        return False
    return True


def send_region_digest(region: Region, as_of: date, *, dry_run: bool = False) -> DigestOutcome:
    """Build and queue one region's digest to its RC and RCA, once per ISO week.
    Recipients who chose no optional mail do not get it (the page still shows it)."""
    digest = build_digest(region, as_of)
    people = digest_recipients(region, as_of)
    addresses = tuple(p.email for p in people)
    if not people:
        return DigestOutcome(region, "no_recipients")
    if not digest.sections:
        return DigestOutcome(region, "nothing_to_report", addresses)
    iso = digest.week
    if DigestRun.objects.filter(kind=DigestRun.Kind.REGION, region=region, iso_year=iso[0], iso_week=iso[1]).exists():
        return DigestOutcome(region, "already_sent", addresses, len(digest.sections))
    if dry_run:
        return DigestOutcome(region, "would_send", addresses, len(digest.sections))
    refused = set(
        NotificationPreference.objects.filter(person__in=people, frequency=NotificationPreference.Frequency.NONE)
        .values_list("person_id", flat=True)
    )
    page_url = absolute_url(reverse("notify:digest", args=[region.number]), region=region)
    # Each recipient reads the digest in their own language: the sections are
    # built again under it, once per language among the recipients.
    rendered: dict[str, tuple[str, str, str]] = {}
    for language in {language_of(p) for p in people}:
        with translation.override(language):
            local = build_digest(region, as_of)
            text, html = render_email(
                "email/notify/digest", {"digest": local, "region": region, "page_url": page_url},
                subject=local.subject,
            )
            rendered[language] = (local.subject, text, html)
    with transaction.atomic():
        if not _claim(DigestRun.Kind.REGION, iso, region=region):
            return DigestOutcome(region, "already_sent", addresses, len(digest.sections))
        OutboundEmail.objects.bulk_create(
            new_email(
                [p.email], *rendered[language_of(p)], reply_to=[region.email] if region.email else [],
                template="email/notify/digest", kind=OutboundEmail.Kind.OPTIONAL, region=region, person_id=p.pk,
                status=OutboundEmail.Status.SUPPRESSED if p.pk in refused else OutboundEmail.Status.QUEUED,
            )
            for p in people
        )
        log_action(
            "notify.digest.sent", region=region, summary=f"{digest.subject} to {', '.join(addresses)}",
            data={"as_of": as_of, "sections": [s.title for s in digest.sections]},
        )
    return DigestOutcome(region, "sent", addresses, len(digest.sections))


def send_weekly_summaries(as_of: date, region: Region | None = None, *, dry_run: bool = False) -> int:
    """One email per volunteer bundling the optional mail held for them
    (they chose "weekly"). Returns how many summaries were (or would be) queued."""
    held = OutboundEmail.objects.filter(status=OutboundEmail.Status.HELD, person__isnull=False)
    if region is not None:
        held = held.filter(region=region)
    by_person: dict[int, list[OutboundEmail]] = {}
    for email in held.select_related("region", "person").order_by("person_id", "created_at", "pk"):
        by_person.setdefault(email.person_id, []).append(email)
    if dry_run:
        return len(by_person)
    iso = as_of.isocalendar()[:2]
    queued = 0
    for person_id, emails in by_person.items():
        person, home = emails[0].person, emails[-1].region
        with transaction.atomic():
            if not _claim(DigestRun.Kind.SUMMARY, iso, person_id=person_id):
                continue
            # Lock the rows this summary takes so a concurrent run cannot bundle them too.
            taken = OutboundEmail.objects.filter(pk__in=[e.pk for e in emails], status=OutboundEmail.Status.HELD)
            if taken.update(status=OutboundEmail.Status.BUNDLED) != len(emails):
                transaction.set_rollback(True)
                continue
            with translation.override(language_of(person)):
                subject = ngettext(
                    "Your weekly summary: %(count)d message", "Your weekly summary: %(count)d messages", len(emails),
                ) % {"count": len(emails)}
                text, html = render_email(
                    "email/notify/summary",
                    {"name": person.display_name, "emails": emails, "region": home,
                     "preferences_url": absolute_url(reverse("notify:preferences"), region=home)},
                    subject=subject,
                )
            new_email(
                [person.email or emails[0].to[0]], subject, text, html,
                reply_to=[home.email] if home and home.email else [],
                template="email/notify/summary", kind=OutboundEmail.Kind.OPTIONAL, region=home, person_id=person_id,
            ).save()
            queued += 1
    return queued


def send_digests(as_of: date, region: Region | None = None, *, dry_run: bool = False):
    """Every region's digest (or one region's) and the volunteers' weekly
    summaries; then one task sends what was queued."""
    from coachready.core.tasks import send_queued_mail_task

    regions = [region] if region is not None else list(Region.objects.select_related("area__section"))
    outcomes = [send_region_digest(r, as_of, dry_run=dry_run) for r in regions]
    summaries = send_weekly_summaries(as_of, region, dry_run=dry_run)
    if not dry_run:
        send_queued_mail_task.enqueue()
    return outcomes, summaries
