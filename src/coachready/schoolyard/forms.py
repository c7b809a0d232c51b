from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from coachready.core.inputs import ISO_DATE, DateField, validate_year
from coachready.rules.schoolyard import CURRICULUM_WEEKS
from coachready.schoolyard.models import MAX_SESSIONS
from coachready.teams.labels import team_label


class SkipDatesField(forms.CharField):
    """Dates one per line (or separated by commas), YYYY-MM-DD."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        text = super().to_python(value) or ""
        days = []
        for entry in (e.strip() for e in re.split(r"[\s,;]+", text)):
            if not entry:
                continue
            try:
                day = date.fromisoformat(entry)
            except ValueError:
                raise forms.ValidationError(
                    _("%(entry)s is not a date: write dates as YYYY-MM-DD, one per line."), params={"entry": entry}
                ) from None
            validate_year(day)
            days.append(day)
        return days

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(d) for d in value)
        return value


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Plan name"), max_length=80, initial=_("School Yard fall season"))
    team = forms.ModelChoiceField(label=_("Team"), queryset=None, required=False,
                                  help_text=_("Your School Yard team, if the region has formed it."))
    start = DateField(label=_("First session"), widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
                      help_text=_("Usually the first Saturday of the season. Sessions follow weekly."))
    sessions = forms.IntegerField(label=_("Number of sessions"), min_value=1, max_value=MAX_SESSIONS, initial=10)
    skip = SkipDatesField(label=_("Dates with no session"), required=False,
                          help_text=_("Holidays, picture day: one date per line, YYYY-MM-DD. "
                                      "Later sessions move a week on."))

    start_time = forms.TimeField(label=_("Starts at"), required=False,
                                 widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end_time = forms.TimeField(label=_("Ends at"), required=False,
                               widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    place = forms.CharField(label=_("Where"), max_length=200, required=False,
                            help_text=_("The field or school: it goes into the calendar file."))

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if (start is None) != (end is None):
            self.add_error("end_time" if start else "start_time",
                           _("Give both the start and the end time, or neither."))
        elif start is not None and end is not None and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        if teams is None:
            del self.fields["team"]
        else:
            self.fields["team"].queryset = teams
            self.fields["team"].label_from_instance = lambda t: f"{team_label(t)} ({t.season})"


class RepeatForm(forms.Form):
    week = forms.TypedChoiceField(
        label=_("Repeat a week"), coerce=int,
        choices=[(n, format_lazy(_("Week {number}"), number=n)) for n in range(1, CURRICULUM_WEEKS + 1)],
        help_text=_("The kids need it again: the week runs once more right after its first run, "
                    "and the sessions after it move a week on."),
    )


class MarkForm(forms.Form):
    done = forms.BooleanField(label=_("Done"), required=False)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
