"""A practice sent by the field kit, read and checked before anything is
stored. Whatever a phone (or anyone else) sends, the answer is a practice
to store or Refused with a message and the path of the bad value."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from coachready.heading.access import coaches_team
from coachready.heading.models import Player
from coachready.teams.models import Team

MAX_BODY = 16_384
MAX_MINUTES = 600  # ten hours: more is a typing slip, not a practice
MAX_HEADERS = 500
MAX_PLAYERS = 60
MAX_NOTE = 300
# How far back a phone that stayed offline may still send a practice.
OLDEST = timedelta(days=366)
FIELDS = frozenset({"client_id", "team", "date", "heading_minutes", "headers", "note"})


class Refused(ValueError):
    def __init__(self, code: str, message: str, path: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.path = code, message, path


@dataclass(frozen=True)
class Entry:
    client_id: uuid.UUID
    team: Team
    day: date
    heading_minutes: int
    headers: dict[Player, int]
    note: str


def _whole_number(value: object, path: str, most: int) -> int:
    # bool is an int to Python; true is not a number of minutes.
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused("invalid_type", _("Give a whole number."), path)
    if not 0 <= value <= most:
        raise Refused("invalid_value", _("Give a whole number from 0 to %(most)s.") % {"most": most}, path)
    return value


def _body(request) -> dict:  # noqa: ANN001
    if request.content_type != "application/json":
        raise Refused("invalid_json", _("Send the practice as JSON."))
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY:
        raise Refused("too_large", _("The practice sent is too large."))
    raw = request.read(MAX_BODY + 1)
    if len(raw) > MAX_BODY:
        raise Refused("too_large", _("The practice sent is too large."))
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refused("invalid_json", _("The practice sent is not valid JSON.")) from None
    if not isinstance(body, dict):
        raise Refused("invalid_json", _("Send the practice as a JSON object."))
    unknown = sorted(set(body) - FIELDS)
    if unknown:
        raise Refused("unknown_field", _("Unknown field."), unknown[0])
    for name in sorted(FIELDS - {"note"}):
        if name not in body:
            raise Refused("missing", _("This field is required."), name)
    return body


def practice_entry(request, today: date) -> Entry:  # noqa: ANN001
    body = _body(request)
    try:
        client_id = uuid.UUID(str(body["client_id"])) if isinstance(body["client_id"], str) else None
    except ValueError:
        client_id = None
    if client_id is None:
        raise Refused("invalid_value", _("The entry's id is not a UUID."), "client_id")

    team_id = body["team"]
    if isinstance(team_id, bool) or not isinstance(team_id, int) or not 0 < team_id < 2**31:
        raise Refused("invalid_type", _("Give the team's number."), "team")
    team = Team.objects.select_related("season__region").filter(pk=team_id).first()
    # Someone else's team and no team at all get the same answer: the
    # reply tells nothing about teams one does not coach.
    if team is None or not coaches_team(request.user, team):
        raise Refused("not_your_team", _("You can log practices only for a team you coach."), "team")

    raw_day = body["date"]
    try:
        if not isinstance(raw_day, str) or len(raw_day) != 10:
            raise ValueError
        day = date.fromisoformat(raw_day)
    except ValueError:
        raise Refused("invalid_value", _("Give the date as YYYY-MM-DD."), "date") from None
    # The phone's calendar may be a day ahead of the region's.
    if not today - OLDEST <= day <= today + timedelta(days=1):
        raise Refused("invalid_value", _("The practice's date is not in the past year."), "date")

    minutes = _whole_number(body["heading_minutes"], "heading_minutes", MAX_MINUTES)

    raw_headers = body["headers"]
    if not isinstance(raw_headers, dict):
        raise Refused("invalid_type", _("Give the headers as player id and number pairs."), "headers")
    if len(raw_headers) > MAX_PLAYERS:
        raise Refused("invalid_value", _("Too many players."), "headers")
    players = {p.local_id: p for p in Player.objects.filter(team=team, local_id__in=list(raw_headers))}
    headers: dict[Player, int] = {}
    for local_id, count in raw_headers.items():
        path = f"headers.{local_id}"
        if local_id not in players:
            raise Refused("unknown_player", _("This player is not on the team's roster."), path)
        headers[players[local_id]] = _whole_number(count, path, MAX_HEADERS)

    note = body.get("note", "")
    if not isinstance(note, str):
        raise Refused("invalid_type", _("The note must be text."), "note")
    if len(note) > MAX_NOTE:
        raise Refused("invalid_value", _("Keep the note to %(most)s characters.") % {"most": MAX_NOTE}, "note")
    # A NUL cannot be stored in PostgreSQL text.
    note = note.replace("\x00", "\ufffd")
    return Entry(client_id, team, day, minutes, headers, note)
