"""Forms for seasons, teams and coach assignments."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coachready.core.inputs import ISO_DATE, DateField
from coachready.teams.labels import division_label
from coachready.teams.models import CoachAssignment, Season, Team

DATE = forms.DateInput(attrs={"type": "date"}, format=ISO_DATE)


class SeasonForm(forms.ModelForm):
    class Meta:
        model = Season
        fields = ["membership_year", "term", "starts_on", "first_game_on", "ends_on"]
        labels = {"membership_year": _("Membership year"), "term": _("Term"), "starts_on": _("Starts on"),
                  "first_game_on": _("First game on"), "ends_on": _("Ends on")}
        help_texts = {"membership_year": _("Named for the year it starts: MY2026 runs 1 August 2026 to 31 July 2027.")}
        widgets = {"starts_on": DATE, "first_game_on": DATE, "ends_on": DATE}
        field_classes = {"starts_on": DateField, "first_game_on": DateField, "ends_on": DateField}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region

    def clean_membership_year(self):
        year = self.cleaned_data.get("membership_year")
        if year is not None and not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Give a year such as 2026."))
        return year

    def clean(self):
        data = super().clean()
        start, first, end = data.get("starts_on"), data.get("first_game_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("A season cannot end before it starts."))
        if start and first and end and not start <= first <= end:
            self.add_error("first_game_on", _("The first game must fall within the season."))
        year, term = data.get("membership_year"), data.get("term")
        if year and term and Season.objects.filter(region=self.region, membership_year=year, term=term).exists():
            self.add_error("term", gettext("The season %(season)s already exists.") % {
                "season": Season(membership_year=year, term=term)})
        return data


class TeamForm(forms.Form):
    division = forms.ChoiceField(label=_("Division"))
    name = forms.CharField(label=_("Team name"), max_length=80)

    def __init__(self, *args, season, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.season = season
        self.fields["division"].choices = [("", _("Choose…"))] + [(d, division_label(d)) for d in policy.divisions]

    def clean_name(self):
        name = self.cleaned_data.get("name", "").strip()
        if not name:
            raise forms.ValidationError(_("Give the team a name."))
        if Team.objects.filter(season=self.season, name__iexact=name).exists():
            raise forms.ValidationError(_("This season already has a team with that name."))
        return name


class AssignForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=CoachAssignment.Role.choices)
    override_reason = forms.CharField(
        label=_("Override reason"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only to assign a coach who is not ready: say why, and what they will complete by when. "
                    "The override is recorded in the audit log."),
    )

    def for_verdict(self, verdict) -> None:  # noqa: ANN001 - rules Verdict or None
        """Fit the form to the chosen volunteer: a reason is required (and
        labelled so) to assign one who is not ready; a ready one needs none."""
        if verdict is None:
            return
        if verdict.eligible:
            del self.fields["override_reason"]
        else:
            field = self.fields["override_reason"]
            field.required = True
            field.error_messages["required"] = _("Not ready: assign only with a written override reason.")
            field.help_text = _("Say why, and what they will complete by when. "
                                "The override is recorded in the audit log.")
