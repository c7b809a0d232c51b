"""Column headers: which field each column holds, and where the header row is.

Headers are compared like course names — case, spaces, underscores and
punctuation ignored — so "Last_Name", "Last Name" and "LASTNAME" are one
header. The training site's reports put a few title rows above the header,
so the header is the first of the top rows that reads like one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

IDENTITY_FIELDS = ("volunteer_id", "email", "username", "first_name", "last_name", "birth_date")
VOLUNTEERS = "volunteers"
RECORDS = "records"
KINDS = (VOLUNTEERS, RECORDS)

# How far down the sheet the header row may be.
HEADER_SCAN_ROWS = 20

# What each field is, in the reader's language (the upload page's column
# table, and an error about a column the file does not have).
FIELD_LABELS: dict[str, Any] = {
    "volunteer_id": _("Volunteer id"),
    "username": _("Username"),
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "preferred_name": _("Preferred name"),
    "email": _("Email"),
    "phone": _("Phone"),
    "birth_date": _("Birth date"),
    "region": _("Region"),
    "roles": _("Roles"),
    "course": _("Course"),
    "completed_on": _("Completion date"),
    "valid_until": _("Valid until"),
    "risk_status": _("Risk status"),
    "language": _("Language"),
}

_ALIASES: dict[str, tuple[str, ...]] = {
    "volunteer_id": ("Admin_ID", "Admin ID", "AYSO ID", "AYSOID", "Volunteer ID", "ID", "AYSO Volunteer ID"),
    # The training site's Username is a sign-in name, not a volunteer id: it
    # identifies someone only when it is an email address.
    "username": ("Username", "User Name", "Login"),
    "first_name": ("First_Name", "First Name", "Firstname", "First", "Given Name"),
    "last_name": ("Last_Name", "Last Name", "Lastname", "Surname", "Last", "Family Name"),
    "preferred_name": ("Preferred Name", "Preferred_Name", "Nickname"),
    "email": ("Email", "E-mail", "Email Address", "Volunteer Email"),
    "phone": ("Phone", "Phone Number", "Cell", "Cell Phone", "Mobile", "Telephone"),
    "birth_date": ("Birth Date", "Birth_Date", "Birthdate", "Date of Birth", "DOB", "Birthday"),
    "region": ("Region", "Region Number", "Region No"),
    "roles": ("Roles", "Role", "Volunteer Role", "Volunteer Roles"),
    "course": (
        "Coaching_License/Referee_Grade", "Course", "Course Name", "Course Title", "Certification",
        "Training", "Coaching License", "Referee Grade", "License", "Credential", "Requirement",
    ),
    "completed_on": ("Completion Date", "Completion_Date", "Completed", "Completed On", "Date Completed", "Date"),
    "valid_until": ("Expiry", "Expires", "Expiry Date", "Expiration", "Expiration Date", "Valid Until", "Valid_Until"),
    "risk_status": ("Risk Status", "Risk_Status", "Risk", "Background Status"),
    # The language the volunteer reads; their emails go out in it.
    "language": ("Language", "Preferred Language", "Preferred_Language", "Language Preference"),
}


def header_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


_BY_KEY = {header_key(alias): name for name, aliases in _ALIASES.items() for alias in aliases}


def field_for_header(text: str) -> str | None:
    return _BY_KEY.get(header_key(text))


def aliases() -> dict[str, tuple[str, ...]]:
    """Every header the import reads, per field (for the documentation page)."""
    return dict(_ALIASES)


class HeaderError(ValueError):
    """The sheet has no usable header row, or a confusing one."""


@dataclass(frozen=True)
class Header:
    row: int  # 1-based row number of the header in the sheet
    texts: tuple[str, ...]  # the header cells as written
    columns: dict[str, int]  # field -> column index
    unused: tuple[str, ...]  # headers the import does not read

    def label(self, field: str) -> str:
        """The column's own header text, so errors name what the file says."""
        index = self.columns.get(field)
        return self.texts[index] if index is not None else str(FIELD_LABELS[field])

    @cached_property
    def identity_indexes(self) -> tuple[int | None, ...]:
        """Where the identity columns are, for keying repeated identities."""
        return tuple(self.columns.get(name) for name in IDENTITY_FIELDS)

    @property
    def kind(self) -> str:
        return RECORDS if "course" in self.columns else VOLUNTEERS


def _looks_like_header(fields: list[str]) -> bool:
    found = set(fields)
    identifies = bool({"volunteer_id", "email", "username"} & found) or {"first_name", "last_name"} <= found
    return len(found) >= 2 and identifies


def find_header(rows: Sequence[tuple[int, Sequence[str]]]) -> Header:
    """The first row among `rows` (row number, cell texts) that reads as a
    header; raises HeaderError naming the columns we look for otherwise."""
    for number, cells in rows[:HEADER_SCAN_ROWS]:
        fields = [field_for_header(cell) for cell in cells]
        known = [f for f in fields if f]
        if not _looks_like_header(known):
            continue
        columns: dict[str, int] = {}
        for index, field in enumerate(fields):
            if field is None:
                continue
            if field in columns:
                first = cells[columns[field]]
                raise HeaderError(gettext(
                    "Row %(row)s: the columns %(first)s and %(second)s both hold the %(field)s; "
                    "remove or rename one of them."
                ) % {"row": number, "first": repr(first), "second": repr(cells[index]),
                     "field": str(FIELD_LABELS[field]).lower()})
            columns[field] = index
        unused = tuple(c for c, f in zip(cells, fields, strict=True) if f is None and c.strip())
        return Header(row=number, texts=tuple(cells), columns=columns, unused=unused)
    raise HeaderError(gettext(
        "No header row found in the first 20 rows. The file needs a row of column names such as "
        "Admin_ID, Last_Name, First_Name, Email and, for certification records, Course and Completion Date."
    ))


def check_kind(header: Header, kind: str | None) -> str:
    """The kind of file (`volunteers` or `records`), checked against its columns."""
    kind = kind or header.kind
    if kind not in KINDS:
        raise HeaderError(gettext("Unknown kind %(kind)s; use volunteers or records.") % {"kind": repr(kind)})
    cols = header.columns
    if kind == RECORDS and "course" not in cols:
        raise HeaderError(gettext("A certification records file needs a course column (Course or "
                                  "Coaching_License/Referee_Grade)."))
    if kind == VOLUNTEERS and not {"first_name", "last_name"} <= cols.keys():
        raise HeaderError(gettext("A volunteers file needs First_Name and Last_Name columns."))
    return kind
