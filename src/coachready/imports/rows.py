"""From a table's cells to typed rows, with every problem named by column.

Nothing here touches the database: a row is read on its own, and what it
means for the region (create, update, skip) is decided in `planning`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext

from coachready.imports.columns import Header
from coachready.imports.courses import match_course
from coachready.imports.languages import parse_language
from coachready.imports.matching import Identity
from coachready.imports.values import (
    CellError,
    check_date_range,
    clean_text,
    looks_like_email,
    parse_date,
    parse_email,
    parse_volunteer_id,
)
from coachready.org.models import Role
from coachready.rules.codes import RISK_STATUSES, canonical_division

# Roles an import may give: the volunteer roles. Administrator roles carry
# access to personal data and are assigned one by one on the Roles page.
IMPORTABLE_ROLES = (Role.COACH, Role.ASSISTANT_COACH, Role.REFEREE, Role.INSTRUCTOR)
_ROLE_WORDS = {
    "coach": Role.COACH, "headcoach": Role.COACH, "assistantcoach": Role.ASSISTANT_COACH,
    "asstcoach": Role.ASSISTANT_COACH, "referee": Role.REFEREE, "instructor": Role.INSTRUCTOR,
    "coachinstructor": Role.INSTRUCTOR, "refereeinstructor": Role.INSTRUCTOR,
}
_ADMIN_WORDS = {re.sub(r"[^a-z]", "", label.lower()) for value, label in Role.choices
                if value not in IMPORTABLE_ROLES} | {value.replace("_", "") for value in Role.values
                                                     if value not in IMPORTABLE_ROLES}
_RISK_WORDS = {status: status for status in RISK_STATUSES} | {"grey": "gray", "none": "blank"}


@dataclass
class Row:
    number: int
    identity: Identity
    region: int | None = None  # the file's region column, when it has one
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, reason)


@dataclass
class VolunteerRow(Row):
    preferred_name: str = ""
    phone: str = ""
    language: str = ""  # a code of settings.LANGUAGES, "" when the file does not say
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, division)
    ignored_roles: list[str] = field(default_factory=list)


@dataclass
class RecordRow(Row):
    course: str = ""
    requirement: str | None = None
    skip_reason: str = ""
    completed_on: date | None = None
    valid_until: date | None = None
    risk_status: str = ""


class _Reader:
    """Reads named fields of one row, collecting errors instead of raising.

    `memo` is shared by all rows of one file: a records file repeats each
    volunteer's id, names and email on every one of their rows, and the
    same dates and course names over and over, so each distinct cell is read
    once. That is most of what keeps a 100,000-row file fast.
    """

    def __init__(self, header: Header, cells: tuple[object, ...], memo: dict, today: date):
        self.header, self.cells, self.memo, self.today = header, cells, memo, today
        self.errors: list[tuple[str, str]] = []

    def raw(self, name: str) -> object:
        index = self.header.columns.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def get(self, name: str, parse=clean_text, default=""):
        raw = self.raw(name)
        key = (name, raw)
        try:
            value, error = self.memo[key]
        except KeyError:
            try:
                value, error = parse(raw), None
            except CellError as exc:
                value, error = default, (self.header.label(name), str(exc))
            self.memo[key] = value, error
        except TypeError:  # an unhashable cell value; never from csv or openpyxl
            value, error = default, (self.header.label(name), gettext("cannot be read"))
        if error:
            self.errors.append(error)
        return value

    def day(self, name: str, what: str) -> date | None:
        today = self.today

        def parse(raw: object) -> date | None:
            value = parse_date(raw)
            return None if value is None else check_date_range(value, today=today, what=what)

        return self.get(name, parse, None)

    def region(self) -> int | None:
        return self.get("region", _region_number, None)

    def identity(self) -> Identity:
        cells, size = self.cells, len(self.cells)
        key = ("identity", *(cells[i] if i is not None and i < size else None for i in self.header.identity_indexes))
        found = self.memo.get(key)
        if found is not None:
            self.errors.extend(found[1])
            return found[0]
        before = len(self.errors)
        email = self.get("email", parse_email)
        username = self.get("username")
        if not email and username and looks_like_email(username):
            email = username
        who = Identity(
            volunteer_id=self.get("volunteer_id", parse_volunteer_id),
            email=email,
            first_name=self.get("first_name", _name),
            last_name=self.get("last_name", _name),
            birth_date=self.day("birth_date", gettext("birth date")),
        )
        self.memo[key] = who, self.errors[before:]
        return who


def _name(value: object) -> str:
    return clean_text(value, max_chars=80)


def _region_number(value: object) -> int | None:
    text = clean_text(value)
    if not text:
        return None
    digits = re.sub(r"^(region|r)\s*", "", text.lower())
    if digits.isdigit() and len(digits) < 7:
        return int(digits)
    raise CellError(gettext("%(value)s is not a region number") % {"value": repr(text)})


def read_volunteer(header: Header, number: int, cells: tuple[object, ...], today: date, memo: dict) -> VolunteerRow:
    r = _Reader(header, cells, memo, today)
    who = r.identity()
    row = VolunteerRow(number, who, preferred_name=r.get("preferred_name", _name),
                       phone=r.get("phone", lambda v: clean_text(v, max_chars=40)),
                       language=r.get("language", parse_language))
    if not who.first_name:
        r.errors.append((header.label("first_name"), gettext("is empty")))
    if not who.last_name:
        r.errors.append((header.label("last_name"), gettext("is empty")))
    row.region = r.region()
    for part in re.split(r"[;,]", r.get("roles")):
        if part.strip():
            _read_role(part.strip(), row, r, header)
    row.errors = r.errors
    return row


def _read_role(text: str, row: VolunteerRow, r: _Reader, header: Header) -> None:
    found = re.fullmatch(r"(.*?)\s*(?:\(([^)]*)\))?", text)
    word, division_text = found.group(1), (found.group(2) or "").strip()
    key = re.sub(r"[^a-z]", "", word.lower())
    if key in _ADMIN_WORDS:
        row.ignored_roles.append(word)
        return
    role = _ROLE_WORDS.get(key)
    if role is None:
        r.errors.append((header.label("roles"), gettext(
            "%(value)s is not a role; use Coach, Assistant Coach, Referee or Instructor"
        ) % {"value": repr(text)}))
        return
    division = ""
    if division_text:
        division = canonical_division(division_text) or ""
        if not division:
            r.errors.append((header.label("roles"), gettext("%(value)s is not a division")
                             % {"value": repr(division_text)}))
            return
    row.roles.append((str(role), division))


def read_record(header: Header, number: int, cells: tuple[object, ...], today: date, memo: dict) -> RecordRow:
    r = _Reader(header, cells, memo, today)
    who = r.identity()
    course = r.get("course")
    row = RecordRow(number, who, region=r.region(), course=course)
    if not (who.volunteer_id or who.email or (who.first_name and who.last_name)):
        r.errors.append((header.label("volunteer_id" if "volunteer_id" in header.columns else "email"),
                         gettext("the row names nobody: give a volunteer id, an email, or first and last name")))
    if not course:
        r.errors.append((header.label("course"), gettext("is empty")))
    else:
        found = match_course(course)
        row.requirement, row.skip_reason = found.code, found.skip_reason
        if found.code is None and not found.skip_reason:
            r.errors.append((header.label("course"), gettext("unknown course %(value)s") % {"value": repr(course)}))
    row.completed_on = r.day("completed_on", gettext("completion date"))
    row.valid_until = r.get("valid_until", parse_date, None)
    if row.completed_on and row.valid_until and row.valid_until < row.completed_on:
        r.errors.append((header.label("valid_until"), gettext("is before the completion date")))
    risk = r.get("risk_status").lower()
    if risk and row.requirement == "background_check":
        if risk not in _RISK_WORDS:
            r.errors.append((header.label("risk_status"), gettext("%(value)s is not a risk status; use %(statuses)s")
                             % {"value": repr(risk), "statuses": ", ".join(RISK_STATUSES)}))
        else:
            row.risk_status = _RISK_WORDS[risk]
    row.errors = r.errors
    return row
