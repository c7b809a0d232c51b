"""Who a privacy request is about, and the strings that identify them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

from coachready.org.models import Person
from coachready.org.names import full_name


class PrivacyError(Exception):
    """A request that cannot be met as asked: a machine code and a reason."""

    def __init__(self, code: str, message: str, path: str = "person") -> None:
        super().__init__(message)
        self.code, self.message, self.path = code, message, path

    def as_json(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, "path": self.path}}


@dataclass(frozen=True)
class Subject:
    """The person a request is about. `person` is None for a visitor known
    only by the messages they sent from an email address."""

    person: Person | None
    user: object | None
    emails: frozenset[str] = field(default_factory=frozenset)

    @property
    def names(self) -> list[str]:
        """The person's names as they appear in free text (summaries, email
        bodies): full names only, never a lone first or last name, which
        other people share."""
        p = self.person
        if p is None:
            return []
        firsts = {n for n in (p.first_name, p.preferred_name) if n}
        found = ({f"{first} {p.last_name}".strip() for first in firsts} | {f"{p.last_name}, {p.first_name}"}
                 | {full_name(first, p.last_name) for first in firsts})
        user = self.user
        if user is not None and (user.first_name or user.last_name):
            found.add(f"{user.first_name} {user.last_name}".strip())
        return sorted(n for n in found if len(n) > 3)

    @property
    def needles(self) -> list[str]:
        """Every string that identifies the person in text or JSON: email
        addresses, full names, phone and volunteer id, plain and as JSON
        escapes them (SQLite keeps JSON text ASCII-escaped)."""
        values = [*self.emails, *self.names]
        if self.person is not None:
            values += [v for v in (self.person.phone, self.person.volunteer_id) if v and len(v) >= 5]
        out: set[str] = set()
        for value in values:
            out.add(value)
            out.add(json.dumps(value)[1:-1])
        return sorted(out, key=len, reverse=True)

    def mentioned_in(self, text: str) -> bool:
        lowered = text.lower()
        return any(needle.lower() in lowered for needle in self.needles)

    def redact(self, value):  # noqa: ANN001, ANN201 - any JSON value
        """The value with every identifying string replaced, at any depth."""
        if isinstance(value, str):
            for needle in self.needles:
                start = value.lower().find(needle.lower())
                while start >= 0:
                    value = value[:start] + "[erased]" + value[start + len(needle):]
                    start = value.lower().find(needle.lower(), start + len("[erased]"))
            return value
        if isinstance(value, list):
            return [self.redact(v) for v in value]
        if isinstance(value, dict):
            return {k: self.redact(v) for k, v in value.items()}
        return value


def subject_for_person(person: Person) -> Subject:
    user = person.user
    emails = {person.email.lower()} if person.email else set()
    if user is not None:
        from allauth.account.models import EmailAddress

        emails.add(user.email.lower())
        emails |= {e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    return Subject(person=person, user=user, emails=frozenset(e for e in emails if e))


def find_subject(key: str) -> Subject:
    """The subject named by an email address or an AYSO volunteer id.

    Raises PrivacyError("not_found") when nothing is held under that key,
    and ("ambiguous") when an email address is shared by several volunteer
    records (then the volunteer id tells them apart)."""
    from allauth.account.models import EmailAddress

    from coachready.site.models import ContactMessage

    key = (key or "").strip()
    if not key:
        raise PrivacyError("required", "Give the person's email address or AYSO volunteer id.")
    if "@" not in key:
        person = Person.objects.select_related("user", "home_region").filter(volunteer_id=key).first()
        if person is None:
            raise PrivacyError("not_found", f"No volunteer has the AYSO volunteer id {key!r}.")
        return subject_for_person(person)
    users = get_user_model().objects.filter(
        Q(email__iexact=key) | Q(pk__in=EmailAddress.objects.filter(email__iexact=key).values("user_id"))
    )
    people = list(
        Person.objects.select_related("user", "home_region").filter(Q(email__iexact=key) | Q(user__in=users))
    )
    if len(people) > 1:
        ids = ", ".join(p.volunteer_id or f"record {p.pk}" for p in people)
        raise PrivacyError(
            "ambiguous", f"{len(people)} volunteer records use {key} ({ids}); name one by its volunteer id."
        )
    if people:
        return subject_for_person(people[0])
    user = users.first()
    if user is not None or ContactMessage.objects.filter(email__iexact=key).exists():
        emails = {key.lower()} | ({user.email.lower()} if user is not None else set())
        return Subject(person=None, user=user, emails=frozenset(emails))
    raise PrivacyError("not_found", f"Nothing is held about {key}.")
