from __future__ import annotations

import math

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coachready.core.inputs import ISO_DATE, DateField
from coachready.heading.drawing import Drawing
from coachready.teams.labels import division_label

TEAMS = [("home", _("Home (defends the left goal)")), ("away", _("Away (defends the right goal)"))]


class RestartForm(forms.Form):
    """A match incident. The place comes from a tap on the drawing (the
    browser sends tap.x/tap.y in pixels) or from the x/y boxes in metres."""

    division = forms.ChoiceField(label=_("Division"))
    offending_team = forms.ChoiceField(
        label=_("Team of the player who headed the ball"), choices=TEAMS, widget=forms.RadioSelect, initial="home"
    )
    deliberate = forms.TypedChoiceField(
        label=_("Was the header deliberate?"),
        choices=[("yes", _("Yes, deliberate")), ("no", _("No, the ball hit the head"))],
        coerce=lambda v: v == "yes", initial="yes",
    )
    player_age = forms.IntegerField(
        label=_("Player's age"), required=False, min_value=3, max_value=19,
        help_text=_("Leave empty when you do not know it: the division decides."),
    )
    x = forms.FloatField(
        label=_("Distance from the home goal line (metres)"), required=False,
        help_text=_("Instead of tapping: 0 is the home goal line on the left."),
    )
    y = forms.FloatField(
        label=_("Distance from the top touchline (metres)"), required=False,
    )
    # The division whose field was drawn when the referee tapped.
    drawn = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, policy, tap: tuple[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.fields["division"].choices = [(d, division_label(d)) for d in policy.divisions]
        self.tap = tap
        self.offence: tuple[float, float] | None = None

    def clean(self):
        data = super().clean()
        division = data.get("division")
        if not division:
            return data
        size = self.policy.field_for(division)
        if self.tap is not None:
            if data.get("drawn") and data["drawn"] != division:
                raise forms.ValidationError(gettext(
                    "The drawing showed the %(drawn)s field; here is the %(division)s field. Tap again."
                ) % {"drawn": division_label(data["drawn"]), "division": division_label(division)})
            try:
                px, py = float(self.tap[0]), float(self.tap[1])
            except (TypeError, ValueError):
                raise forms.ValidationError(gettext("The tap on the field could not be read; tap again.")) from None
            x, y = Drawing(size).to_metres(px, py)
            if not (0 <= x <= size.length and 0 <= y <= size.width):
                raise forms.ValidationError(gettext(
                    "That tap is off the field (outside the touchlines or goal lines); tap inside the lines."
                ))
            self.offence = (x, y)
            return data
        x, y = data.get("x"), data.get("y")
        if x is None or y is None:
            if "x" not in self.errors and "y" not in self.errors:
                raise forms.ValidationError(gettext("Tap the field where the header happened, or enter x and y."))
            return data
        for name, value, top in (("x", x, size.length), ("y", y, size.width)):
            if not math.isfinite(value) or not 0 <= value <= top:
                message = (
                    gettext("Off the field: the %(division)s field is %(size)s metres long; enter 0 to %(size)s.")
                    if name == "x" else
                    gettext("Off the field: the %(division)s field is %(size)s metres wide; enter 0 to %(size)s.")
                )
                self.add_error(name, message % {"division": division_label(division), "size": f"{top:g}"})
        if not self.errors:
            self.offence = (x, y)
        return data


class PlayerForm(forms.Form):
    display_name = forms.CharField(
        label=_("Player's display name"), max_length=40,
        help_text=_("A first name or a nickname is enough; nothing else about a child is stored."),
    )


class PracticeForm(forms.Form):
    date = DateField(label=_("Practice date"), widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE))
    heading_minutes = forms.IntegerField(
        label=_("Minutes of heading practice"), min_value=0, max_value=600, initial=0,
        help_text=_("Time the team spent on heading drills."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, team, players, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.players = list(players)
        for player in self.players:
            self.fields[f"headers_{player.pk}"] = forms.IntegerField(
                label=gettext("Headers: %(name)s (%(id)s)") % {"name": player.display_name, "id": player.local_id},
                min_value=0, max_value=500, required=False,
            )

    def clean_date(self):
        day = self.cleaned_data["date"]
        season = self.team.season
        if not season.starts_on <= day <= season.ends_on:
            raise forms.ValidationError(gettext(
                "The date must fall in the team's season, %(start)s to %(end)s."
            ) % {"start": date_format(season.starts_on), "end": date_format(season.ends_on)})
        return day

    def player_fields(self):
        return [self[f"headers_{p.pk}"] for p in self.players]

    def headers(self) -> dict:
        return {p: self.cleaned_data.get(f"headers_{p.pk}") or 0 for p in self.players}
