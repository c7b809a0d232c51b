"""Who a row is about: matching a row's identity to a region's volunteers.

Order of evidence (issue #10): the volunteer id, then the email address
(case-insensitive), then first and last name with the birth date. A row that
agrees with a volunteer except for a nickname ("Bill" for "William") is a near
match: it is shown to the administrator for a decision and never merged on
its own, because that is exactly how today's tools create duplicates or
merge two different people (DOMAIN.md §7).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.utils.translation import gettext

from coachready.org.names import full_name
from coachready.org.search import fold_name

# Common English and Spanish short forms, both ways. Small on purpose: a
# near match only asks a question, it never decides.
_NICKNAMES = (
    ("william", "bill", "will", "billy", "liam"), ("robert", "bob", "rob", "bobby", "robbie"),
    ("richard", "rick", "rich", "dick", "ricky"), ("james", "jim", "jimmy", "jamie"),
    ("john", "jack", "johnny"), ("joseph", "joe", "joey"), ("michael", "mike", "mikey"),
    ("thomas", "tom", "tommy"), ("charles", "charlie", "chuck"), ("edward", "ed", "eddie", "ted"),
    ("anthony", "tony"), ("daniel", "dan", "danny"), ("david", "dave"), ("steven", "steve"),
    ("stephen", "steve"), ("christopher", "chris"), ("christina", "chris", "tina"),
    ("matthew", "matt"), ("andrew", "andy", "drew"), ("kenneth", "ken", "kenny"),
    ("samuel", "sam", "sammy"), ("samantha", "sam"), ("alexander", "alex"), ("alexandra", "alex"),
    ("benjamin", "ben"), ("patrick", "pat"), ("patricia", "pat", "patty", "trish"),
    ("elizabeth", "liz", "beth", "betty", "lisa"), ("jennifer", "jen", "jenny"),
    ("katherine", "kate", "kathy", "katie"), ("catherine", "cathy", "kate"), ("margaret", "maggie", "peggy"),
    ("deborah", "deb", "debbie"), ("susan", "sue", "suzy"), ("victoria", "vicky", "tori"),
    ("jose", "pepe"), ("francisco", "paco", "pancho"), ("guillermo", "memo"), ("roberto", "beto"),
    ("alberto", "beto"), ("jesus", "chuy"), ("ignacio", "nacho"), ("eduardo", "lalo"),
    ("enrique", "kike"), ("alejandro", "alex"), ("ricardo", "ricky"), ("raymond", "ray"),
    ("gregory", "greg"), ("timothy", "tim"), ("jonathan", "jon"), ("nicholas", "nick"),
    ("ronald", "ron"), ("donald", "don"), ("lawrence", "larry"), ("gerald", "jerry"),
    ("henry", "hank"), ("frederick", "fred"), ("theodore", "ted", "teddy"), ("vincent", "vince"),
)


def _nickname_groups() -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for names in _NICKNAMES:
        for name in names:
            groups[name].update(names)
    return groups


_GROUPS = _nickname_groups()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name folded for comparison: the search's folding (accents dropped
    for Latin letters only; Han characters kept, so 王伟 and 李娜 never both
    become ""), without spaces or punctuation."""
    return "".join(char for char in fold_name(text) if char.isalnum())


def nickname_of(a: str, b: str) -> bool:
    """Are these two (folded) first names a name and its short form?"""
    return a != b and b in _GROUPS.get(a, ())


@dataclass
class Candidate:
    """A volunteer as the matcher sees them. `pk` is negative for someone the
    same file creates a few rows earlier."""

    pk: int
    first_name: str
    last_name: str
    email: str = ""
    volunteer_id: str = ""
    birth_date: date | None = None
    preferred_name: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return full_name(self.first_name, self.last_name, self.preferred_name)

    def names(self) -> tuple[str, str]:
        return name_key(self.first_name), name_key(self.last_name)


@dataclass(frozen=True)
class Identity:
    """What a row says about who it is."""

    volunteer_id: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    birth_date: date | None = None

    @property
    def display_name(self) -> str:
        return full_name(self.first_name, self.last_name) or self.email or self.volunteer_id

    @property
    def can_create(self) -> bool:
        """Enough to create a volunteer that a later file will find again."""
        has_names = bool(self.first_name and self.last_name)
        return has_names and bool(self.volunteer_id or self.email or self.birth_date)


@dataclass(frozen=True)
class Match:
    """`kind`: "match" (person), "near" (person, needs a decision), "none",
    or "conflict" (the evidence disagrees; `reason` says how)."""

    kind: str
    person: Candidate | None = None
    reason: str = ""
    field: str = ""  # the identity field the reason is about


class PeopleIndex:
    """One region's volunteers in memory, looked up by id, email and names;
    built once per import from one query."""

    def __init__(self, people: list[Candidate], foreign_ids: dict[str, int] | None = None):
        self.by_id: dict[str, Candidate] = {}
        self.by_email: dict[str, list[Candidate]] = defaultdict(list)
        self.by_names: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
        self.by_last: dict[str, list[Candidate]] = defaultdict(list)
        # Volunteer ids that belong to people of other regions -> their region number.
        self.foreign_ids = foreign_ids or {}
        # Rows of one volunteer repeat their identity; a match is worked out
        # once until someone new joins the index.
        self._matches: dict[Identity, Match] = {}
        for person in people:
            self.add(person)

    def add(self, person: Candidate) -> None:
        self._matches.clear()
        if person.volunteer_id:
            self.by_id[person.volunteer_id] = person
        if person.email:
            self.by_email[person.email.lower()].append(person)
        first, last = person.names()
        self.by_names[(first, last)].append(person)
        self.by_last[last].append(person)

    def match(self, who: Identity) -> Match:
        found = self._matches.get(who)
        if found is None:
            found = self._matches[who] = self._match(who)
        return found

    def _match(self, who: Identity) -> Match:
        first, last = name_key(who.first_name), name_key(who.last_name)
        if who.volunteer_id:
            if who.volunteer_id in self.foreign_ids:
                reason = gettext("volunteer id %(id)s belongs to a volunteer of Region %(number)s") % {
                    "id": who.volunteer_id, "number": self.foreign_ids[who.volunteer_id]}
                return Match("conflict", reason=reason, field="volunteer_id")
            person = self.by_id.get(who.volunteer_id)
            if person is not None:
                if first and last and not _same_or_close(person, first, last):
                    return Match("conflict", person, gettext("volunteer id %(id)s belongs to %(owner)s, not %(name)s")
                                 % {"id": who.volunteer_id, "owner": person.display_name, "name": who.display_name},
                                 "volunteer_id")
                return Match("match", person)
        found = self._by_email(who, first, last) or self._by_names(who, first, last)
        if found.kind in ("match", "near") and who.volunteer_id and found.person.volunteer_id:
            return Match("conflict", found.person, gettext("%(name)s already has volunteer id %(has)s, not %(id)s")
                         % {"name": found.person.display_name, "has": found.person.volunteer_id,
                            "id": who.volunteer_id}, "volunteer_id")
        return found

    def _by_email(self, who: Identity, first: str, last: str) -> Match | None:
        if not who.email:
            return None
        people = self.by_email.get(who.email.lower(), [])
        if not first and not last:
            if len(people) == 1:
                return Match("match", people[0])
            if people:
                return Match("conflict", reason=gettext("%(count)s volunteers share the email %(email)s; "
                                                        "add names to the row")
                             % {"count": len(people), "email": who.email}, field="email")
            return None
        exact = [p for p in people if _same_name(p, first, last) and _dates_agree(p, who)]
        if exact:
            return Match("match", exact[0])
        close = [p for p in people if _same_or_close(p, first, last)]
        if close:
            return Match("near", close[0], _near_reason(close[0], who, "email"))
        # Families share an email address: a different name is a different person.
        return None

    def _by_names(self, who: Identity, first: str, last: str) -> Match:
        if not (first and last):
            return Match("none")
        same = self.by_names.get((first, last), [])
        if who.birth_date is not None:
            dated = [p for p in same if p.birth_date == who.birth_date]
            if dated:
                return Match("match", dated[0])
            nick = [p for p in self.by_last.get(last, []) if p.birth_date == who.birth_date
                    and nickname_of(first, p.names()[0])]
            if nick:
                return Match("near", nick[0], _near_reason(nick[0], who, "birth date"))
            return Match("none")
        # Without a birth date or email, a name alone identifies someone only
        # when exactly one volunteer of the region carries it. With an email
        # that is not theirs, it may be them under a new address: ask.
        if len(same) > 1 and not who.email:
            return Match("conflict", reason=gettext("%(count)s volunteers are named %(name)s; "
                                                    "add the volunteer id or email to the row")
                         % {"count": len(same), "name": who.display_name}, field="last_name")
        if len(same) == 1:
            if not who.email:
                return Match("match", same[0])
            return Match("near", same[0], gettext(
                "%(name)s has the same name as %(other)s but another email (%(email)s): the same person?"
            ) % {"name": who.display_name, "other": same[0].display_name, "email": who.email})
        return Match("none")


def _same_name(person: Candidate, first: str, last: str) -> bool:
    """The name on record, or the preferred name the volunteer gave us."""
    p_first, p_last = person.names()
    return p_last == last and (first == p_first or (bool(person.preferred_name)
                                                    and first == name_key(person.preferred_name)))


def _same_or_close(person: Candidate, first: str, last: str) -> bool:
    p_first, p_last = person.names()
    pref = name_key(person.preferred_name)
    if p_last != last:
        return False
    return first in (p_first, pref) or nickname_of(first, p_first)


def _dates_agree(person: Candidate, who: Identity) -> bool:
    return who.birth_date is None or person.birth_date is None or person.birth_date == who.birth_date


def _near_reason(person: Candidate, who: Identity, by: str) -> str:
    """Why a row may be someone on record; `by` is "email" or "birth date"."""
    values = {"name": who.display_name, "other": person.display_name, "id": person.volunteer_id}
    if by == "email":
        if person.volunteer_id:
            return gettext("%(name)s has the same email as %(other)s (id %(id)s): the same person?") % values
        return gettext("%(name)s has the same email as %(other)s: the same person?") % values
    if person.volunteer_id:
        return gettext("%(name)s has the same birth date as %(other)s (id %(id)s): the same person?") % values
    return gettext("%(name)s has the same birth date as %(other)s: the same person?") % values
