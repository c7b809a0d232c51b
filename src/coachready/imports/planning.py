"""What each row of a file would do to a region: the preview, and the plan
the commit carries out.

Planning is pure: it takes the facts loaded from the database once (the
region's people, their verified records and roles) and returns outcomes
plus the writes to make. Nothing is written here, so the preview and the
commit run the very same code over the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.text import get_text_list
from django.utils.translation import gettext

from coachready.imports.columns import FIELD_LABELS, RECORDS, Header
from coachready.imports.matching import Candidate, Match, PeopleIndex
from coachready.imports.rows import RecordRow, VolunteerRow, read_record, read_volunteer
from coachready.org.models import Role

CREATE, UPDATE, SKIP, ERROR, REVIEW = "create", "update", "skip", "error", "review"
ACTIONS = (CREATE, UPDATE, SKIP, ERROR, REVIEW)
# Decisions an administrator can give a near match.
SAME, NEW = "same", "new"


@dataclass
class Facts:
    """Everything planning needs to know about the region, loaded in a few queries."""

    region_number: int
    index: PeopleIndex
    # (person pk, requirement, completed_on) -> (record pk, valid_until, risk_status)
    records: dict[tuple[int, str, date], tuple[int, date | None, str]]
    roles: set[tuple[int, str, str]]  # (person pk, role, division) held today
    validity: dict[str, int | None]  # requirement -> months, None for one-time
    titles: dict[str, str]
    today: date
    # The date given to rows without a completion date (the licence export has none).
    undated_on: date

    def held(self) -> set[tuple[int, str]]:
        return {(person, code) for person, code, _ in self.records}


@dataclass
class Outcome:
    row: int
    action: str
    subject: str
    what: str
    message: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)
    candidate: Candidate | None = None


@dataclass
class Plan:
    kind: str
    header: Header
    outcomes: list[Outcome] = field(default_factory=list)
    new_people: dict[int, dict] = field(default_factory=dict)  # temporary negative pk -> fields
    person_updates: dict[int, dict] = field(default_factory=dict)  # pk -> changed fields
    role_adds: list[tuple[int, str, str]] = field(default_factory=list)  # (person ref, role, division)
    record_creates: list[dict] = field(default_factory=list)
    record_updates: list[tuple[int, dict]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for outcome in self.outcomes:
            counts[outcome.action] += 1
        return counts

    @property
    def has_errors(self) -> bool:
        return any(o.action == ERROR for o in self.outcomes)


class _Planner:
    def __init__(self, facts: Facts, kind: str, header: Header, decisions: dict[int, str]):
        self.facts, self.decisions = facts, decisions
        self.plan = Plan(kind=kind, header=header)
        self.next_temp = -1
        self.seen: dict[tuple, int] = {}  # duplicate detection: key -> first row
        self.held = facts.held()

    def resolve(self, row, match: Match) -> tuple[str, Candidate | None, Outcome | None]:
        """("match", person) or ("new", None), or an outcome that ends the row."""
        who = row.identity
        if match.kind == "near":
            decision = self.decisions.get(row.number)
            if decision == SAME:
                return "match", match.person, None
            if decision != NEW:
                return "", None, Outcome(row.number, REVIEW, who.display_name, self._what(row), match.reason,
                                         candidate=match.person)
            return "new", None, None
        if match.kind == "conflict":
            column = self.plan.header.label(match.field or "volunteer_id")
            return "", None, Outcome(row.number, ERROR, who.display_name, self._what(row),
                                     errors=[(column, gettext("conflicting identity: %(reason)s")
                                              % {"reason": match.reason})])
        if match.kind == "match":
            return "match", match.person, None
        return "new", None, None

    def _elsewhere(self, row) -> Outcome | None:
        """A row of another region (an area's or section's export holds several)."""
        if row.region is None or row.region == self.facts.region_number:
            return None
        return Outcome(row.number, SKIP, row.identity.display_name, self._what(row),
                       gettext("belongs to Region %(number)s; import it there") % {"number": row.region})

    def _what(self, row) -> str:
        if isinstance(row, RecordRow):
            return self.facts.titles.get(row.requirement or "", row.course)
        return gettext("volunteer")

    def new_person(self, who, **extra) -> Candidate:
        temp = self.next_temp
        self.next_temp -= 1
        fields = {"first_name": who.first_name, "last_name": who.last_name, "email": who.email,
                  "volunteer_id": who.volunteer_id or None, "birth_date": who.birth_date, **extra}
        self.plan.new_people[temp] = fields
        person = Candidate(temp, who.first_name, who.last_name, who.email, who.volunteer_id, who.birth_date,
                           extra.get("preferred_name", ""))
        self.facts.index.add(person)
        return person

    def duplicate(self, key: tuple, row) -> Outcome | None:
        first = self.seen.setdefault(key, row.number)
        if first == row.number:
            return None
        return Outcome(row.number, ERROR, row.identity.display_name, self._what(row),
                       errors=[("", gettext("duplicate row: the same as row %(row)s") % {"row": first})])

    # -- volunteers -------------------------------------------------------------

    def volunteer(self, row: VolunteerRow) -> Outcome:
        who = row.identity
        if row.errors:
            return Outcome(row.number, ERROR, who.display_name, gettext("volunteer"), errors=row.errors)
        if elsewhere := self._elsewhere(row):
            return elsewhere
        how, person, ended = self.resolve(row, self.facts.index.match(who))
        if ended:
            return ended
        if how == "new":
            person = self.new_person(who, phone=row.phone, preferred_name=row.preferred_name, language=row.language)
            dup = self.duplicate(("person", person.pk), row)
            self._add_roles(person.pk, row.roles)
            return dup or Outcome(row.number, CREATE, who.display_name, gettext("volunteer"), self._role_note(row))
        dup = self.duplicate(("person", person.pk), row)
        if dup:
            return dup
        changes = self._person_changes(person, row)
        if person.pk > 0 and changes:
            self.plan.person_updates.setdefault(person.pk, {}).update(changes)
        added = self._add_roles(person.pk, row.roles)
        if changes or added:
            parts = [_changed(changes)] if changes else []
            parts += [_adds(role, div) for role, div in added]
            return Outcome(row.number, UPDATE, person.display_name, gettext("volunteer"), "; ".join(parts))
        return Outcome(row.number, SKIP, person.display_name, gettext("volunteer"),
                       _join(gettext("already up to date"), self._role_note(row) if row.ignored_roles else ""))

    def _person_changes(self, person: Candidate, row: VolunteerRow) -> dict:
        who, changes = row.identity, {}
        wanted = {"email": who.email, "phone": row.phone, "birth_date": who.birth_date,
                  "preferred_name": row.preferred_name, "volunteer_id": who.volunteer_id, "language": row.language}
        # Names are never rewritten by a file: exports spell them in capitals
        # or by nickname, and the volunteer's own spelling is the one to keep.
        current = {"email": person.email, "phone": person.extra.get("phone", ""), "birth_date": person.birth_date,
                   "preferred_name": person.preferred_name, "volunteer_id": person.volunteer_id,
                   "language": person.extra.get("language", "")}
        for name, value in wanted.items():
            if value and value != current[name]:
                changes[name] = value
        return changes

    def _add_roles(self, person_pk: int, roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
        added = []
        for role, division in roles:
            key = (person_pk, role, division)
            if key not in self.facts.roles:
                self.facts.roles.add(key)
                self.plan.role_adds.append(key)
                added.append((role, division))
        return added

    @staticmethod
    def _role_note(row: VolunteerRow) -> str:
        if row.ignored_roles:
            return gettext("administrator roles are not imported (%(roles)s); assign them on the Roles page") % {
                "roles": ", ".join(row.ignored_roles)}
        return ""

    # -- certification records ----------------------------------------------------

    def record(self, row: RecordRow) -> Outcome:
        who, what = row.identity, self._what(row)
        if row.errors:
            return Outcome(row.number, ERROR, who.display_name, what, errors=row.errors)
        if elsewhere := self._elsewhere(row):
            return elsewhere
        if row.skip_reason:
            return Outcome(row.number, SKIP, who.display_name, row.course, row.skip_reason)
        how, person, ended = self.resolve(row, self.facts.index.match(who))
        if ended:
            return ended
        code, note = row.requirement, ""
        if how == "new":
            if not who.can_create:
                return Outcome(row.number, ERROR, who.display_name, what, errors=[(
                    self.plan.header.label("volunteer_id" if "volunteer_id" in self.plan.header.columns
                                           else "last_name"),
                    gettext("no volunteer of Region %(number)s matches; import the volunteers file first, "
                            "or give the volunteer id or email") % {"number": self.facts.region_number})])
            person, note = self.new_person(who), gettext("new volunteer")
        completed_on = row.completed_on
        if completed_on is None:
            if self.facts.validity.get(code) is not None:
                return Outcome(row.number, ERROR, who.display_name, what, errors=[(
                    self.plan.header.label("completed_on"),
                    gettext("%(course)s has to be renewed, so it needs its completion date") % {"course": what})])
            if (person.pk, code) in self.held:
                dup = self.duplicate(("record", person.pk, code, None), row)
                return dup or Outcome(row.number, SKIP, person.display_name, what, gettext("already recorded"))
            completed_on = self.facts.undated_on
            note = _join(note, gettext("no completion date in the file: recorded as of %(day)s")
                         % {"day": completed_on.isoformat()})
        dup = self.duplicate(("record", person.pk, code, row.completed_on), row)
        if dup:
            return dup
        existing = self.facts.records.get((person.pk, code, completed_on))
        if existing is not None:
            pk, valid_until, risk = existing
            changes = {}
            if row.valid_until and row.valid_until != valid_until:
                changes["valid_until"] = row.valid_until
            if row.risk_status and row.risk_status != risk:
                changes["risk_status"] = row.risk_status
            if changes:
                self.plan.record_updates.append((pk, changes))
                return Outcome(row.number, UPDATE, person.display_name, what, _changed(changes))
            return Outcome(row.number, SKIP, person.display_name, what, gettext("already recorded"))
        self.held.add((person.pk, code))
        self.plan.record_creates.append({"person": person.pk, "requirement": code, "completed_on": completed_on,
                                         "valid_until": row.valid_until, "risk_status": row.risk_status})
        when = "" if row.completed_on is None else gettext("completed %(day)s") % {"day": completed_on.isoformat()}
        return Outcome(row.number, CREATE, person.display_name, what, _join(note, when))


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _changed(changes: dict) -> str:
    """"email, phone changed", the fields named in the reader's language."""
    names = get_text_list([str(FIELD_LABELS.get(name, name)).lower() for name in sorted(changes)], gettext("and"))
    return gettext("%(fields)s changed") % {"fields": names}


def _adds(role: str, division: str) -> str:
    label = str(Role(role).label) if role in Role.values else role.replace("_", " ")
    if division:
        return gettext("adds %(role)s (%(division)s)") % {"role": label, "division": division}
    return gettext("adds %(role)s") % {"role": label}


def plan_rows(kind: str, header: Header, rows: list[tuple[int, tuple[object, ...]]], facts: Facts,
              decisions: dict[int, str] | None = None) -> Plan:
    """The outcome of every row, and the writes that carry out the valid ones.

    `facts` is consumed: the planner adds the file's own new people and
    records to it, so that a later row sees an earlier one.
    """
    planner = _Planner(facts, kind, header, decisions or {})
    read = read_record if kind == RECORDS else read_volunteer
    handle = planner.record if kind == RECORDS else planner.volunteer
    memo: dict = {}
    for number, cells in rows:
        planner.plan.outcomes.append(handle(read(header, number, cells, facts.today, memo)))
    return planner.plan
