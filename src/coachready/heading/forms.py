from __future__ import annotations

import math

from django import forms

from coachready.core.inputs import DateField
from coachready.heading.drawing import Drawing
from coachready.teams.labels import division_label

TEAMS = [("home", "Home (defends the left goal)"), ("away", "Away (defends the right goal)")]


class RestartForm(forms.Form):
    """A match incident. The place comes from a tap on the drawing (the
    browser sends tap.x/tap.y in pixels) or from the x/y boxes in metres."""

    division = forms.ChoiceField(label="Division")
    offending_team = forms.ChoiceField(
        label="Team of the player who headed the ball", choices=TEAMS, widget=forms.RadioSelect, initial="home"
    )
    deliberate = forms.TypedChoiceField(
        label="Was the header deliberate?", choices=[("yes", "Yes, deliberate"), ("no", "No, the ball hit the head")],
        coerce=lambda v: v == "yes", initial="yes",
    )
    player_age = forms.IntegerField(
        label="Player's age", required=False, min_value=3, max_value=19,
        help_text="Leave empty when you do not know it: the division decides.",
    )
    x = forms.FloatField(
        label="Distance from the home goal line (metres)", required=False,
        help_text="Instead of tapping: 0 is the home goal line on the left.",
    )
    y = forms.FloatField(
        label="Distance from the top touchline (metres)", required=False,
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
                raise forms.ValidationError(
                    f"The drawing showed the {division_label(data['drawn'])} field; "
                    f"here is the {division_label(division)} field. Tap again."
                )
            try:
                px, py = float(self.tap[0]), float(self.tap[1])
            except (TypeError, ValueError):
                raise forms.ValidationError("The tap on the field could not be read; tap again.") from None
            x, y = Drawing(size).to_metres(px, py)
            if not (0 <= x <= size.length and 0 <= y <= size.width):
                raise forms.ValidationError(
                    "That tap is off the field (outside the touchlines or goal lines); tap inside the lines."
                )
            self.offence = (x, y)
            return data
        x, y = data.get("x"), data.get("y")
        if x is None or y is None:
            if "x" not in self.errors and "y" not in self.errors:
                raise forms.ValidationError("Tap the field where the header happened, or enter x and y.")
            return data
        for name, value, top in (("x", x, size.length), ("y", y, size.width)):
            if not math.isfinite(value) or not 0 <= value <= top:
                self.add_error(name, f"Off the field: the {division_label(division)} field is {top:g} metres "
                                     f"{'long' if name == 'x' else 'wide'}; enter 0 to {top:g}.")
        if not self.errors:
            self.offence = (x, y)
        return data


class PlayerForm(forms.Form):
    display_name = forms.CharField(
        label="Player's display name", max_length=40,
        help_text="A first name or a nickname is enough; nothing else about a child is stored.",
    )


class PracticeForm(forms.Form):
    date = DateField(label="Practice date", widget=forms.DateInput(attrs={"type": "date"}))
    heading_minutes = forms.IntegerField(
        label="Minutes of heading practice", min_value=0, max_value=600, initial=0,
        help_text="Time the team spent on heading drills.",
    )
    note = forms.CharField(label="Note", required=False, max_length=300)

    def __init__(self, *args, team, players, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.players = list(players)
        for player in self.players:
            self.fields[f"headers_{player.pk}"] = forms.IntegerField(
                label=f"Headers: {player.display_name} ({player.local_id})",
                min_value=0, max_value=500, required=False,
            )

    def clean_date(self):
        day = self.cleaned_data["date"]
        season = self.team.season
        if not season.starts_on <= day <= season.ends_on:
            raise forms.ValidationError(
                f"The date must fall in the team's season, {season.starts_on.isoformat()} "
                f"to {season.ends_on.isoformat()}."
            )
        return day

    def player_fields(self):
        return [self[f"headers_{p.pk}"] for p in self.players]

    def headers(self) -> dict:
        return {p: self.cleaned_data.get(f"headers_{p.pk}") or 0 for p in self.players}
