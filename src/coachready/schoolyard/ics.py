"""A season plan as an iCalendar file: one all-day event per session.

UIDs are built from the plan and the session number, so a calendar that
imports the file again updates the sessions instead of doubling them.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
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
        event.add("dtstart", session.date)
        event.add("dtend", session.date + timedelta(days=1))
        title = f"School Yard {session.number}: week {session.week.week}, {session.week.title}"
        if session.repeats:
            title += " (again)"
        event.add("summary", title)
        lines = [f"{a.name} ({a.minutes} min)" for a in session.week.activities]
        lines.append(f"Skills: {', '.join(session.week.skills)}")
        event.add("description", "\n".join(lines))
        event.add("url", url)
        cal.add_component(event)
    return cal.to_ical()
