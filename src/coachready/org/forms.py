from __future__ import annotations

from django import forms

from coachready.core.inputs import DateField
from coachready.org.models import Person, Role


class RoleAssignmentForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label="Volunteer")
    role = forms.ChoiceField(choices=[(r.value, r.label) for r in Role if r.value not in {
        "area_coach_administrator", "section_coach_administrator", "national_coach"}])
    start_on = DateField(label="Starts on", widget=forms.DateInput(attrs={"type": "date"}))
    end_on = DateField(
        label="Ends on", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for a role with no set end.",
    )

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(home_region=region)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_on"), data.get("end_on")
        if start and end and end < start:
            self.add_error("end_on", "A role cannot end before it starts.")
        return data


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "preferred_name", "email", "phone", "birth_date"]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"})}
        field_classes = {"birth_date": DateField}
