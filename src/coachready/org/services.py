"""Workflows on people and roles; each is one transaction with its audit entry."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from coachready.org.audit import log_action
from coachready.org.models import Person, Region, RoleAssignment


@transaction.atomic
def assign_role(
    person: Person,
    role: str,
    *,
    region: Region | None,
    start_on: date,
    end_on: date | None = None,
    division: str = "",
    user: Any = None,
) -> RoleAssignment:
    assignment = RoleAssignment(
        person=person, role=role, region=region, start_on=start_on, end_on=end_on, division=division
    )
    assignment.full_clean()
    assignment.save()
    log_action(
        "org.role.assigned",
        user=user,
        obj=assignment,
        region=region or person.home_region,
        summary=f"{person.display_name}: {assignment.get_role_display()} from {start_on}",
        data={"person": person.pk, "role": role, "start_on": start_on, "end_on": end_on},
    )
    _readiness_changed(assignment)
    return assignment


def _readiness_changed(assignment: RoleAssignment) -> None:
    # Roles decide who counts in the compliance view; the readiness pages are
    # cached under a per-region stamp that every such change must renew.
    from coachready.certs.services.versions import bump_readiness_for_people

    bump_readiness_for_people([assignment.person_id])


@transaction.atomic
def end_role(assignment: RoleAssignment, *, end_on: date, user: Any = None) -> RoleAssignment:
    if end_on < assignment.start_on:
        raise ValueError(gettext("A role cannot end before it starts."))
    old = assignment.end_on
    assignment.end_on = end_on
    assignment.save(update_fields=["end_on"])
    log_action(
        "org.role.ended",
        user=user,
        obj=assignment,
        region=assignment.region or assignment.person.home_region,
        summary=f"{assignment.person.display_name}: {assignment.get_role_display()} ends {end_on}",
        data={"end_on": [old, end_on]},
    )
    _readiness_changed(assignment)
    from coachready.passes.services import reconsider

    reconsider(assignment.person, "role_ended", user=user)
    return assignment


@transaction.atomic
def update_person(person: Person, fields: dict[str, Any], *, user: Any = None) -> Person:
    before = {k: getattr(person, k) for k in fields}
    for key, value in fields.items():
        setattr(person, key, value)
    person.full_clean()
    person.save()
    changed = {k: [before[k], v] for k, v in fields.items() if before[k] != v}
    if changed:
        log_action(
            "org.person.updated",
            user=user,
            obj=person,
            region=person.home_region_id,
            summary=f"{person.display_name}: {', '.join(sorted(changed))} changed",
            data=changed,
        )
        # Names and volunteer ids appear on the cached readiness pages.
        from coachready.certs.services.versions import bump_readiness_for_people

        bump_readiness_for_people([person.pk])
    return person


@transaction.atomic
def set_language(person: Person | None, language: str, *, user: Any) -> None:
    """A person's own choice of language, audited. With no volunteer record
    yet the account keeps it, for the record to take over when linked."""
    from coachready.org.language import is_language

    if not is_language(language):
        raise ValueError(f"not a language: {language!r}")
    holder = person if person is not None else user
    old = holder.language
    if old == language:
        return
    holder.language = language
    holder.save(update_fields=["language", "updated_at"] if person is not None else ["language"])
    log_action(
        "org.person.language_changed",
        user=user,
        obj=holder,
        region=person.home_region_id if person is not None else None,
        summary=f"Language {old or '(browser)'} → {language}",
        data={"language": [old, language]},
    )
