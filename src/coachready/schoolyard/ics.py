"""A season plan as an iCalendar file: one event per session, at the plan's
time and place when the coach gave them, otherwise all day.

UIDs are built from the plan and the session number, so a calendar that
imports the file again updates the sessions instead of doubling them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event


def plan_calendar(plan, rows, url: str) -> bytes:  # noqa: ANN001
    cal = Calendar()
    cal.add("prodid", "-//CoachReady//School Yard plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", plan.title)
    stamp = timezone.now()
    for row in rows:
        session = row.session
        event = Event()
        event.add("uid", f"schoolyard-plan-{plan.pk}-session-{session.number}@coachready")
        event.add("dtstamp", stamp)
        if plan.start_time is not None and plan.end_time is not None:
            tz = ZoneInfo(settings.TIME_ZONE)
            event.add("dtstart", datetime.combine(session.date, plan.start_time, tzinfo=tz))
            event.add("dtend", datetime.combine(session.date, plan.end_time, tzinfo=tz))
        else:
            event.add("dtstart", session.date)
            event.add("dtend", session.date + timedelta(days=1))
        if plan.place:
            event.add("location", plan.place)
        values = {"number": session.number, "week": session.week.week, "title": session.week.title}
        if session.repeats:
            title = gettext("School Yard %(number)s: week %(week)s, %(title)s (again)") % values
        else:
            title = gettext("School Yard %(number)s: week %(week)s, %(title)s") % values
        event.add("summary", title)
        lines = [gettext("%(name)s (%(minutes)s min)") % {"name": a.name, "minutes": a.minutes}
                 for a in session.week.activities]
        lines.append(gettext("Skills: %(skills)s") % {"skills": ", ".join(session.week.skills)})
        event.add("description", "\n".join(lines))
        event.add("url", url)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
