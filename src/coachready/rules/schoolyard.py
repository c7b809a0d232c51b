"""The School Yard season: a 10-week curriculum mapped onto dates.

The curriculum is data (`curriculum/schoolyard.toml`), written for this
project: the seed page describes ten weekly sessions that build on each
other and may be repeated, and no official sheet is public (DOMAIN.md 6).
`plan_season` follows CONTRACTS.md section 4: sessions on the start's weekday,
7 days apart; a skipped date moves that session and the rest a week later;
the first ten sessions follow weeks 1 to 10; a longer season goes round the
curriculum again, and every repeated session says which week it repeats.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .codes import SKILLS
from .english import contract_text
from .errors import InputError, PolicyError
from .jsonfields import MAX_YEAR, check_year
from .tomlreader import Table
from .translations import Translations, Worded, read_translations
from .wording import Wording

CURRICULUM_FILE = Path(__file__).parent / "curriculum" / "schoolyard.toml"
CURRICULUM_WEEKS = 10
MAX_SEASON_WEEKS = 52
_WEEK = timedelta(days=7)
_LAST_DAY = date(MAX_YEAR, 12, 31).toordinal()
_lock = threading.Lock()
_loaded: list[Curriculum] = []


@dataclass(frozen=True, slots=True)
class Activity(Worded):
    """One activity a parent volunteer can run from the description alone."""

    name: str
    minutes: int
    description: str
    setup: str
    coaching_points: tuple[str, ...]
    easier: str
    harder: str
    game: bool
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The contract's activity object, with the extra practical fields."""
        return {
            "name": self.name,
            "minutes": self.minutes,
            "description": self.description,
            "setup": self.setup,
            "coaching_points": list(self.coaching_points),
            "easier": self.easier,
            "harder": self.harder,
            "game": self.game,
        }


@dataclass(frozen=True, slots=True)
class CurriculumWeek(Worded):
    """One week of the curriculum."""

    week: int
    title: str
    skills: tuple[str, ...]
    focus: str
    activities: tuple[Activity, ...]
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    @property
    def minutes(self) -> int:
        """Length of the session."""
        return sum(activity.minutes for activity in self.activities)


@dataclass(frozen=True, slots=True)
class Curriculum(Worded):
    """The whole curriculum: ten weeks in order."""

    title: str
    weeks: tuple[CurriculumWeek, ...]
    translations: Translations = field(default_factory=dict, compare=False, repr=False)

    def week(self, number: int) -> CurriculumWeek:
        """Curriculum week `number` (1-based)."""
        return self.weeks[number - 1]


@dataclass(frozen=True, slots=True)
class Session:
    """One dated session of a season. `repeats` is the curriculum week it repeats."""

    number: int
    date: date
    week: CurriculumWeek
    repeats: int | None

    @property
    def note(self) -> Wording | None:
        """What a repeated session tells the coach (None for a first run)."""
        if self.repeats is None:
            return None
        return Wording("schoolyard.repeats", {"week": self.repeats})

    def to_dict(self) -> dict[str, Any]:
        """The contract's session object."""
        week = self.week
        wording = self.note
        note = "" if wording is None else contract_text(wording)
        return {
            "number": self.number,
            "date": self.date.isoformat(),
            "week": week.week,
            "title": week.title,
            "skills": list(week.skills),
            "focus": week.focus,
            "minutes": week.minutes,
            "activities": [activity.to_dict() for activity in week.activities],
            "repeats": self.repeats,
            "note": note,
        }


@dataclass(frozen=True, slots=True)
class SeasonPlan:
    """A season's sessions, with the dates skipped and the weeks repeated."""

    start: date
    sessions: tuple[Session, ...]
    skipped: tuple[date, ...]
    repeated_weeks: tuple[int, ...]
    # Curriculum weeks the season has no session for (too few sessions, or
    # repeats pushed them past the end): said, never dropped silently.
    left_out: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The contract's plan object: `sessions`, plus what was skipped and repeated."""
        return {
            "start": self.start.isoformat(),
            "weeks": len(self.sessions),
            "sessions": [session.to_dict() for session in self.sessions],
            "skipped": [day.isoformat() for day in self.skipped],
            "repeated_weeks": list(self.repeated_weeks),
            "left_out_weeks": list(self.left_out),
        }


def load_curriculum(path: Path | None = None) -> Curriculum:
    """The School Yard curriculum, validated (cached for the shipped file).

    The shipped file must translate every text into every language
    (`wording.LANGUAGES`); another file falls back to English.
    """
    if path is None:
        with _lock:
            if not _loaded:
                _loaded.append(_read(CURRICULUM_FILE, complete=True))
            return _loaded[0]
    return _read(path, complete=path.resolve() == CURRICULUM_FILE.resolve())


def _read(path: Path, complete: bool) -> Curriculum:
    source = f"curriculum/{path.name}"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PolicyError(source, "", f"cannot read: {exc}") from exc
    top = Table(raw, "", source)
    weeks = []
    for number, entry in enumerate(top.tables("weeks"), start=1):
        if entry.whole("week") != number:
            raise entry.fail("week", f"must be {number}: weeks go in order")
        activities = tuple(_activity(a, complete) for a in entry.tables("activities"))
        if not 3 <= len(activities) <= 5:
            raise entry.fail("activities", "a session has 3 to 5 activities")
        if not activities[-1].game or any(a.game for a in activities[:-1]):
            raise entry.fail("activities", "a session ends in its one small-sided game")
        title, focus = entry.text("title"), entry.text("focus")
        weeks.append(CurriculumWeek(
            week=number,
            title=title,
            skills=entry.texts("skills", choices=SKILLS),
            focus=focus,
            activities=activities,
            translations=read_translations(entry, {"title": title, "focus": focus}, complete),
        ))
        entry.done()
    if len(weeks) != CURRICULUM_WEEKS:
        raise top.fail("weeks", f"must hold {CURRICULUM_WEEKS} weeks")
    title = top.text("title")
    curriculum = Curriculum(
        title=title,
        weeks=tuple(weeks),
        translations=read_translations(top, {"title": title}, complete),
    )
    top.done()
    return curriculum


# The words of an activity a translation must cover.
ACTIVITY_TEXTS = ("name", "description", "setup", "coaching_points", "easier", "harder")


def _activity(entry: Table, complete: bool) -> Activity:
    english = {key: entry.texts(key) if key == "coaching_points" else entry.text(key) for key in ACTIVITY_TEXTS}
    activity = Activity(
        name=english["name"],
        minutes=entry.whole("minutes", minimum=1),
        description=english["description"],
        setup=english["setup"],
        coaching_points=english["coaching_points"],
        easier=english["easier"],
        harder=english["harder"],
        game=entry.flag("game", False),
        translations=read_translations(entry, english, complete),
    )
    entry.done()
    return activity


def plan_season(
    start: date,
    weeks: int,
    skip: Sequence[date] = (),
    repeat: Sequence[int] = (),
) -> SeasonPlan:
    """Sessions for a season of `weeks` sessions starting on `start`.

    A season too short for the whole curriculum names the weeks it leaves
    out in `left_out`.

    `skip` dates must fall on the start's weekday, on or after the start (a
    date on another weekday is almost always a typo, so it is an error, not
    ignored); each moves its session and every later one a week on. `repeat`
    lists curriculum weeks to run twice: the repeat follows the week's first
    run and shifts the rest of the curriculum a session later.
    """
    if isinstance(weeks, bool) or not 1 <= weeks <= MAX_SEASON_WEEKS:
        raise InputError(
            "invalid_value", f"weeks must be between 1 and {MAX_SEASON_WEEKS}.", "weeks"
        )
    # The season's last session, a week on per skipped date, stays within the
    # years the engine reads (and far from the calendar's end at 9999).
    check_year(start, "start")
    if start.toordinal() + 7 * (weeks - 1 + len(skip)) > _LAST_DAY:
        raise InputError("invalid_date", f"A season from {start} runs past {MAX_YEAR}.", "start")
    skipped = set()
    for index, day in enumerate(skip):
        check_year(day, f"skip[{index}]")
        if day.weekday() != start.weekday():
            raise InputError(
                "invalid_value",
                f"{day} is a {day:%A}; sessions fall on {start:%A}s.",
                f"skip[{index}]",
            )
        if day < start:
            raise InputError("invalid_value", f"{day} is before the start {start}.", f"skip[{index}]")
        skipped.add(day)
    order = list(range(1, CURRICULUM_WEEKS + 1))
    for index, number in enumerate(repeat):
        if isinstance(number, bool) or not 1 <= number <= CURRICULUM_WEEKS:
            raise InputError(
                "invalid_value", f"A repeated week is 1 to {CURRICULUM_WEEKS}.", f"repeat[{index}]"
            )
        order.insert(order.index(number) + 1, number)

    curriculum = load_curriculum()
    sessions = []
    seen: set[int] = set()
    repeated: list[int] = []
    passed: list[date] = []
    day = start
    for number in range(1, weeks + 1):
        while day in skipped:
            passed.append(day)
            day += _WEEK
        week = order[(number - 1) % len(order)]
        repeats = week if week in seen else None
        if repeats is not None and week not in repeated:
            repeated.append(week)
        seen.add(week)
        sessions.append(Session(number, day, curriculum.week(week), repeats))
        day += _WEEK
    left_out = tuple(week for week in range(1, CURRICULUM_WEEKS + 1) if week not in seen)
    return SeasonPlan(start, tuple(sessions), tuple(passed), tuple(repeated), left_out)
