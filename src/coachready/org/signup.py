"""Linking a new account to its volunteer record (org.Person).

A verified email that matches exactly one unlinked volunteer links at once;
otherwise the person claims their record with volunteer id and birth date,
or starts a new record in the region they choose. Each link or creation is
one transaction with its audit entry, and a record already linked to
another account is never taken over.

A refused claim says the same whatever went wrong (no such id, wrong birth
date, record already linked), so the form cannot be used to find out which
volunteer ids exist; refused claims are counted from the audit log, so every
web process sees the same count.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coachready.org.audit import log_action
from coachready.org.models import AuditEntry, Person, Region, User

CLAIM_ATTEMPTS = 5
CLAIM_WINDOW = timedelta(minutes=15)
REFUSED = "org.person.claim_refused"


class ClaimRefused(Exception):
    """The claim did not go through; the message is safe to show."""

    def __init__(self, message: Any, code: str) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code


_NO_MATCH = _(
    "We could not match that volunteer id and birth date to a record you can claim. "
    "Check both, or ask your region's coach administrator."
)


def _link(user: User, person: Person, *, how: str, ip: str | None = None) -> Person:
    person.user = user
    fields = ["user", "updated_at"]
    if user.language and not person.language:
        # The language chosen at sign-up, unless the record already has one.
        person.language = user.language
        fields.append("language")
    # A prospect who signs up and proves their email is still a prospect;
    # only the region registers volunteers, so the status is left alone.
    person.save(update_fields=fields)
    log_action(
        "org.person.linked", user=user, obj=person, region=person.home_region_id,
        summary=f"{person.display_name} linked to the account {user.email} ({how})",
        data={"user": user.pk, "how": how, **({"ip": ip} if ip else {})},
    )
    return person


def link_by_verified_email(user: User, email: str) -> Person | None:
    """Link `user` to the one volunteer whose email is `email` (any case),
    when there is exactly one and no account holds it yet. Returns the
    user's person, or None when nothing could be linked."""
    with transaction.atomic():
        # The user row is the lock that keeps two simultaneous requests of
        # one account from linking it twice.
        user = User.objects.select_for_update().get(pk=user.pk)
        existing = Person.objects.filter(user=user).first()
        if existing is not None:
            return existing
        matches = list(Person.objects.select_for_update().filter(email__iexact=email.strip())[:2])
        if len(matches) != 1 or matches[0].user_id is not None:
            return None
        try:
            with transaction.atomic():
                return _link(user, matches[0], how="email")
        except IntegrityError:
            return None


def claim_attempts_left(user: User, *, now=None) -> int:  # noqa: ANN001 - datetime
    since = (now or timezone.now()) - CLAIM_WINDOW
    used = AuditEntry.objects.filter(action=REFUSED, actor=user, at__gte=since).count()
    return max(CLAIM_ATTEMPTS - used, 0)


def _refuse(user: User, volunteer_id: str, reason: str, ip: str | None) -> None:
    # Stored outside the (rolled back) claim, so the count survives.
    log_action(
        REFUSED, user=user, summary=f"Refused claim of volunteer id {volunteer_id[:20]} by {user.email}",
        data={"volunteer_id": volunteer_id[:20], "reason": reason, **({"ip": ip} if ip else {})},
    )
    raise ClaimRefused(_NO_MATCH, "no_match")


def claim_by_volunteer_id(user: User, volunteer_id: str, birth_date: date, *, ip: str | None = None) -> Person:
    """Link `user` to the volunteer with this id and birth date, or raise
    ClaimRefused with one message for every kind of mismatch."""
    volunteer_id = volunteer_id.strip()
    if claim_attempts_left(user) <= 0:
        raise ClaimRefused(
            _("Too many attempts. Wait a quarter of an hour before trying again."), "rate_limited"
        )
    if user.person_or_none is not None:
        raise ClaimRefused(_("Your account is already linked to a volunteer record."), "already_linked")
    reason = ""
    with transaction.atomic():
        person = Person.objects.select_for_update().filter(volunteer_id=volunteer_id).first()
        if person is None:
            reason = "unknown_id"
        elif person.birth_date != birth_date:
            reason = "birth_date"
        elif person.user_id is not None:
            reason = "claimed"
        else:
            try:
                with transaction.atomic():
                    return _link(user, person, how="volunteer_id", ip=ip)
            except IntegrityError:
                # Another request linked this account in the meantime.
                reason = "claimed"
    _refuse(user, volunteer_id, reason, ip)
    raise AssertionError("unreachable")  # pragma: no cover - _refuse raises


def start_volunteer_record(
    user: User, *, region: Region, first_name: str, last_name: str, birth_date: date, phone: str = "",
    ip: str | None = None,
) -> Person:
    """A new volunteer record for `user` in `region`, as a prospect the
    region's coach administrator follows up. Refuses to make a second record
    for an account, or a copy of a record the region already has."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if Person.objects.filter(user=user).exists():
            raise ClaimRefused(_("Your account is already linked to a volunteer record."), "already_linked")
        same = Person.objects.filter(
            home_region=region, first_name__iexact=first_name.strip(), last_name__iexact=last_name.strip(),
            birth_date=birth_date,
        )
        if same.exists():
            raise ClaimRefused(
                _("The region already has a volunteer record with this name and birth date. Claim it with "
                  "your volunteer id, or ask the region's coach administrator to link it to your account."),
                "duplicate",
            )
        person = Person.objects.create(
            first_name=first_name.strip(), last_name=last_name.strip(), email=user.email, phone=phone.strip(),
            birth_date=birth_date, home_region=region, user=user, status=Person.Status.PROSPECT,
            language=user.language,
        )
        log_action(
            "org.person.created_at_signup", user=user, obj=person, region=region,
            summary=f"{person.display_name} started a volunteer record from the account {user.email}",
            data={"user": user.pk, **({"ip": ip} if ip else {})},
        )
    return person
