"""Logging and correcting a team's practices; each write is one transaction
with its audit entry. Nothing is deleted: a practice logged by mistake is
corrected to zero minutes and zero headers, and the audit log keeps both."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction

from coachready.heading.models import Player, PlayerHeaders, Practice
from coachready.org.audit import log_action
from coachready.teams.models import Team


def _region_id(team: Team) -> int:
    return team.season.region_id


@transaction.atomic
def add_player(team: Team, display_name: str, *, user: Any = None) -> Player:
    """Add a player to the team's heading roster under the next free id."""
    # Lock the team's roster rows so two coaches adding at once do not both
    # take the same next number (the unique constraint would refuse one).
    taken = Player.objects.select_for_update().filter(team=team).values_list("local_id", flat=True)
    numbers = [int(local_id.split("-", 1)[1]) for local_id in taken]
    player = Player(team=team, local_id=f"p-{max(numbers, default=0) + 1}", display_name=display_name.strip())
    player.full_clean()
    player.save()
    log_action(
        "heading.player.added", user=user, obj=player, region=_region_id(team),
        summary=f"{team}: player {player.local_id} added",
        data={"team": team.pk, "player": player.local_id},
    )
    return player


@transaction.atomic
def retire_player(player: Player, *, user: Any = None) -> Player:
    """Take a player off the roster (a child who left the team). Nothing is
    deleted: the player's past headers still count in their weeks."""
    if player.active:
        player.active = False
        player.save(update_fields=["active"])
        log_action(
            "heading.player.retired", user=user, obj=player, region=_region_id(player.team),
            summary=f"{player.team}: player {player.local_id} off the roster",
            data={"team": player.team_id, "player": player.local_id},
        )
    return player


def _check(team: Team, day: date, minutes: int, headers: Mapping[Player, int]) -> None:
    if minutes < 0:
        raise ValueError("Minutes must not be negative.")
    for player, count in headers.items():
        if player.team_id != team.pk:
            raise ValueError("A player of another team cannot be logged here.")
        if count < 0:
            raise ValueError("Headers must not be negative.")


def _write_headers(practice: Practice, headers: Mapping[Player, int]) -> dict[str, int]:
    PlayerHeaders.objects.filter(practice=practice).delete()
    rows = [PlayerHeaders(practice=practice, player=p, headers=n) for p, n in headers.items() if n]
    PlayerHeaders.objects.bulk_create(rows)
    return {row.player.local_id: row.headers for row in rows}


@transaction.atomic
def log_practice(
    team: Team,
    *,
    day: date,
    heading_minutes: int,
    headers: Mapping[Player, int],
    note: str = "",
    user: Any = None,
    client_id: UUID | None = None,
) -> Practice:
    """Store one practice's heading minutes and headers per player."""
    _check(team, day, heading_minutes, headers)
    practice = Practice.objects.create(
        team=team, date=day, heading_minutes=heading_minutes, note=note.strip(),
        logged_by=user if getattr(user, "is_authenticated", False) else None, client_id=client_id,
    )
    logged = _write_headers(practice, headers)
    data: dict[str, Any] = {"team": team.pk, "date": day, "heading_minutes": heading_minutes, "headers": logged}
    if client_id is not None:
        data["client_id"] = str(client_id)
    log_action(
        "heading.practice.logged", user=user, obj=practice, region=_region_id(team),
        summary=f"{team}: practice {day}, {heading_minutes} heading minutes",
        data=data,
    )
    return practice


def log_practice_once(
    team: Team,
    *,
    client_id: UUID,
    day: date,
    heading_minutes: int,
    headers: Mapping[Player, int],
    note: str = "",
    user: Any,
) -> tuple[Practice, bool]:
    """A practice sent from the field kit, stored once however often the
    phone sends it: (the practice, whether this call stored it).

    The phone resends whenever it is not sure an entry arrived (a lost
    answer, two tabs syncing at once), so the user's own client id decides:
    the first send stores it, every later one finds it. The unique
    constraint settles a race between two sends at the same moment.
    """
    found = Practice.objects.filter(logged_by=user, client_id=client_id).first()
    if found is not None:
        return found, False
    try:
        with transaction.atomic():
            return log_practice(team, day=day, heading_minutes=heading_minutes, headers=headers, note=note,
                                user=user, client_id=client_id), True
    except IntegrityError:
        return Practice.objects.get(logged_by=user, client_id=client_id), False


@transaction.atomic
def correct_practice(
    practice: Practice,
    *,
    day: date,
    heading_minutes: int,
    headers: Mapping[Player, int],
    note: str = "",
    user: Any = None,
) -> Practice:
    """Change a logged practice; the audit entry keeps the old and new values."""
    team = practice.team
    _check(team, day, heading_minutes, headers)
    before = {
        "date": practice.date,
        "heading_minutes": practice.heading_minutes,
        "note": practice.note,
        "headers": {h.player.local_id: h.headers for h in practice.headers.select_related("player")},
    }
    practice.date, practice.heading_minutes, practice.note = day, heading_minutes, note.strip()
    practice.save(update_fields=["date", "heading_minutes", "note", "updated_at"])
    after = {"date": day, "heading_minutes": heading_minutes, "note": practice.note,
             "headers": _write_headers(practice, headers)}
    changed = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    log_action(
        "heading.practice.corrected", user=user, obj=practice, region=_region_id(team),
        summary=f"{team}: practice {day} corrected ({', '.join(sorted(changed)) or 'no change'})",
        data=changed,
    )
    return practice

