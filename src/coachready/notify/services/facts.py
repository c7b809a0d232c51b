"""Bulk facts for the periodic runs: who coaches where, and their records.

Every loader is one query over region joins (or a subquery of person ids),
never a Python list of ids, so a national run costs the same handful of
queries for 1,000 volunteers or 100,000.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from coachready.certs.models import CertificationRecord
from coachready.org.models import Person, Region, RoleAssignment
from coachready.org.models.roles import COACHING_ROLES, Role
from coachready.org.names import full_name
from coachready.teams.models import CoachAssignment

# Org role → the engine's coaching role.
ENGINE_ROLE = {Role.COACH: "head_coach", Role.ASSISTANT_COACH: "assistant_coach"}


@dataclass(frozen=True)
class CoachingContext:
    """One reason a person must stay certified: a role or a team assignment.

    `active` is False for a pending team assignment (the person is proposed
    for a team but does not coach yet).
    """

    region_id: int
    role: str
    division: str
    active: bool


def coaching_role_rows(as_of: date, regions: QuerySet[Region]) -> QuerySet:
    return RoleAssignment.objects.active_on(as_of).filter(role__in=COACHING_ROLES, region__in=regions)


def team_assignment_rows(as_of: date, regions: QuerySet[Region]) -> QuerySet:
    return CoachAssignment.objects.filter(
        status__in=[CoachAssignment.Status.PENDING, CoachAssignment.Status.ACTIVE],
        team__season__region__in=regions,
        team__season__ends_on__gte=as_of,
    )


def coaching_person_filter(as_of: date, regions: QuerySet[Region], field: str = "person_id") -> Q:
    """A filter selecting rows whose `field` is a person who coaches (or is
    proposed to coach) in `regions` on `as_of`, as two subqueries."""
    return Q(**{f"{field}__in": coaching_role_rows(as_of, regions).values("person_id")}) | Q(
        **{f"{field}__in": team_assignment_rows(as_of, regions).values("person_id")}
    )


def coaching_people(as_of: date, regions: QuerySet[Region]) -> QuerySet:
    """Ids of the people who coach (or are proposed to) in `regions`, as a subquery."""
    return Person.objects.filter(coaching_person_filter(as_of, regions, "pk")).values("pk")


def coaching_contexts(as_of: date, regions: QuerySet[Region]) -> dict[int, list[CoachingContext]]:
    """Every coaching context per person id, in two queries."""
    contexts: dict[int, list[CoachingContext]] = defaultdict(list)
    for person_id, role, division, region_id in coaching_role_rows(as_of, regions).values_list(
        "person_id", "role", "division", "region_id"
    ):
        contexts[person_id].append(CoachingContext(region_id, ENGINE_ROLE[role], division, True))
    for person_id, role, status, division, region_id in team_assignment_rows(as_of, regions).values_list(
        "person_id", "role", "status", "team__division", "team__season__region_id"
    ):
        contexts[person_id].append(
            CoachingContext(region_id, role, division, status == CoachAssignment.Status.ACTIVE)
        )
    return contexts


def records_for(person_filter: Q, codes: frozenset[str] | None = None) -> dict[int, list]:
    """Verified records as engine `Record`s per person id, in one query;
    only the `codes` given, when the caller knows no other code matters."""
    from coachready.rules import Record

    qs = CertificationRecord.objects.filter(person_filter, status=CertificationRecord.Status.VERIFIED)
    if codes is not None:
        qs = qs.filter(requirement__in=sorted(codes))
    by_person: dict[int, list] = defaultdict(list)
    rows = qs.values_list("pk", "person_id", "requirement", "completed_on", "valid_until", "risk_status", "source")
    for pk, person_id, requirement, completed_on, valid_until, risk_status, source in rows.iterator(chunk_size=5000):
        by_person[person_id].append(
            Record(requirement, completed_on, valid_until, risk_status or None, source, pk)
        )
    return by_person


@dataclass(frozen=True)
class Recipient:
    pk: int
    name: str
    email: str
    home_region_id: int
    language: str = ""


def recipients(person_filter: Q) -> dict[int, Recipient]:
    rows = Person.objects.filter(person_filter).values_list(
        "pk", "first_name", "preferred_name", "last_name", "email", "home_region_id", "language"
    )
    return {
        pk: Recipient(pk, full_name(first, last, preferred), email, region_id, language)
        for pk, first, preferred, last, email, region_id, language in rows.iterator(chunk_size=5000)
    }


class PolicyCache:
    """Each distinct (profile, overrides) loaded once per run: regions that
    share a profile and have no overrides share one Policy object."""

    def __init__(self) -> None:
        self._by_key: dict[str, object] = {}
        self._by_region: dict[int, object] = {}

    def for_region(self, region: Region):  # -> coachready.rules.Policy
        from coachready.rules import load_policy

        found = self._by_region.get(region.pk)
        if found is None:
            overrides = region.policy_overrides or None
            key = f"{region.policy_name}:{json.dumps(overrides, sort_keys=True)}"
            if key not in self._by_key:
                self._by_key[key] = load_policy(region.policy_name, overrides)
            found = self._by_region[region.pk] = self._by_key[key]
        return found
