"""How a division and a team are named on every page and in every email.

Policies and the database hold division codes ("10U", "schoolyard"); people
read "10U" and "School Yard". Command-line and API output keep the codes.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from coachready.rules.codes import DIVISION_NAMES

# The names in DIVISION_NAMES, marked for the translators.
gettext_noop("School Yard")


def division_label(code: str | None) -> str:
    """"School Yard" for the schoolyard division, the age group ("10U") as it
    is for every other; an empty division stays empty."""
    if not code:
        return ""
    name = DIVISION_NAMES.get(code.lower())
    return _(name) if name is not None else code


def team_label(team) -> str:  # noqa: ANN001 - teams.Team or anything with division and name
    """"14U Black Stars" whether or not the team's name already starts with
    its division (regions name teams both ways)."""
    return team_name_label(team.division, team.name)


def team_name_label(division: str | None, name: str | None) -> str:
    """team_label for a division and a name held apart (report rows)."""
    name = (name or "").strip()
    division = division or ""
    for prefix in (division, division_label(division)):
        if prefix and name.lower().startswith(prefix.lower()):
            name = name[len(prefix):].strip(" -:")
            break
    return f"{division_label(division)} {name}".strip()
