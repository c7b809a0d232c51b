"""Issuing and revoking Coach Passes. Every write is one transaction with
its audit entry; `reconsider` is what other apps call, inside their own
transaction, after a write that may end a pass (a background check recorded
red, a coaching role ended, a certificate withdrawn)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from coachready.org.audit import log_action
from coachready.org.models import Person
from coachready.passes import codec, keys
from coachready.passes.clearance import Clearance, clearance_for
from coachready.passes.models import IssuedPass, Revocation


class PassRefused(Exception):
    """The person is not cleared to coach: `clearance` says why."""

    def __init__(self, clearance: Clearance) -> None:
        super().__init__(f"{clearance.person.display_name} is not cleared to coach.")
        self.clearance = clearance


@dataclass(frozen=True)
class Issued:
    text: str
    issued: IssuedPass
    data: codec.PassData
    clearance: Clearance


def _data(person: Person, issued: IssuedPass) -> codec.PassData:
    return codec.PassData(
        pass_id=issued.pass_id, key_id=issued.key.key_id, name=person.display_name,
        volunteer_id=person.volunteer_id or "", region=issued.key.region.number,
        cleared=tuple(tuple(pair) for pair in issued.cleared), issued_on=issued.issued_on,
        valid_through=issued.valid_through,
    )


@transaction.atomic
def issue(person: Person, *, as_of: date | None = None, user: Any = None) -> Issued:
    """The person's pass for today: the one already issued today when it
    still says the same, otherwise a new one. Raises PassRefused."""
    as_of = as_of or timezone.localdate()
    clearance = clearance_for(person, as_of)
    if not clearance.is_cleared:
        raise PassRefused(clearance)
    key = keys.current_key(person.home_region, user=user)
    cleared = [list(pair) for pair in clearance.cleared]
    issued = next((
        p for p in IssuedPass.objects.select_related("key__region").filter(
            person=person, key=key, issued_on=as_of, revoked_at__isnull=True, valid_through=clearance.valid_through)
        if p.cleared == cleared
    ), None)
    if issued is None:
        issued = IssuedPass.objects.create(
            pass_id=secrets.token_urlsafe(6), person=person, key=key, cleared=cleared, issued_on=as_of,
            valid_through=clearance.valid_through,
        )
        log_action("passes.pass.issued", user=user, obj=issued, region=person.home_region_id,
                   summary=f"Coach Pass {issued.pass_id} issued to {person.display_name}, "
                   f"valid through {issued.valid_through}",
                   data={"person": person.pk, "pass_id": issued.pass_id, "key_id": key.key_id,
                         "cleared": cleared, "valid_through": issued.valid_through})
    data = _data(person, issued)
    return Issued(codec.encode(data, keys.private_key(issued.key)), issued, data, clearance)


def _revoke(issued: IssuedPass, reason: str, *, user: Any, note: str = "") -> None:
    today = timezone.localdate()
    issued.revoked_at = timezone.now()
    issued.revoked_note = note
    issued.save(update_fields=["revoked_at", "revoked_note"])
    Revocation.objects.create(pass_id=issued.pass_id, revoked_on=today, reason=reason,
                              valid_through=issued.valid_through)
    log_action("passes.pass.revoked", user=user, obj=issued, region=issued.person.home_region_id,
               summary=f"Coach Pass {issued.pass_id} of {issued.person.display_name} revoked ({reason})",
               data={"person": issued.person_id, "pass_id": issued.pass_id, "reason": reason, "note": note})


def _live(person: Person, as_of: date):  # noqa: ANN202
    return (IssuedPass.objects.select_for_update().select_related("person")
            .filter(person=person, revoked_at__isnull=True, valid_through__gte=as_of))


@transaction.atomic
def revoke_person(person: Person, *, note: str, user: Any = None) -> list[str]:
    """Revoke every pass of the person that could still be valid (an
    administrator's decision); returns the pass ids revoked."""
    revoked = []
    for issued in _live(person, timezone.localdate()):
        _revoke(issued, Revocation.Reason.REVOKED_BY_REGION, user=user, note=note)
        revoked.append(issued.pass_id)
    return revoked


@transaction.atomic
def reconsider(person: Person, reason: str, *, user: Any = None) -> list[str]:
    """Revoke each live pass of the person that now claims more than the
    engine clears: a role or division no longer cleared, or a later
    valid-through than the facts now allow. Called by the write that changed
    the facts, inside its transaction, so the revocation is published the
    moment that write is."""
    today = timezone.localdate()
    live = list(_live(person, today))
    if not live:
        return []
    clearance = clearance_for(person, today)
    cleared = set(clearance.cleared) if clearance.is_cleared else set()
    revoked = []
    for issued in live:
        claims = {tuple(pair) for pair in issued.cleared}
        if not claims <= cleared or clearance.valid_through is None or issued.valid_through > clearance.valid_through:
            _revoke(issued, reason, user=user)
            revoked.append(issued.pass_id)
    return revoked


def published_revocations(as_of: date) -> list[Revocation]:
    """Revocations of passes that would otherwise still be valid."""
    return list(Revocation.objects.filter(valid_through__gte=as_of).order_by("revoked_on", "pass_id"))


def revocation_list() -> dict[str, codec.Revocation]:
    """Every revocation, for checking passes on this installation."""
    return {
        r.pass_id: codec.Revocation(r.pass_id, r.revoked_on, r.reason)
        for r in Revocation.objects.all()
    }


def verify_here(text: str, *, as_of: date | None = None) -> dict:
    """Verify with this installation's keys and revocations (NotAPass propagates)."""
    return codec.verify(text, keys=keys.verification_keys(), revoked=revocation_list(),
                        as_of=as_of or timezone.localdate())


def reconsider_people(person_ids, reason: str, *, user: Any = None) -> list[str]:  # noqa: ANN001
    """`reconsider` for each of many people (ids, or a subquery of them)
    who holds a pass that could still be valid: one query when none does."""
    holders = (
        IssuedPass.objects.filter(person_id__in=person_ids, revoked_at__isnull=True,
                                  valid_through__gte=timezone.localdate())
        .values_list("person_id", flat=True).distinct()
    )
    revoked: list[str] = []
    for person in Person.objects.filter(pk__in=list(holders)).select_related("home_region"):
        revoked += reconsider(person, reason, user=user)
    return revoked
