"""Forms of the training calendar. They check what a person can fix in the
form (a session ending before it starts, a capacity of 0, a deadline after
the first session, an unknown course); the services check again."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from coachready.core.inputs import ISO_DATE, DateField, ModelMultipleChoiceField
from coachready.core.policy_words import local
from coachready.org.models import Region
from coachready.org.names import name_order
from coachready.training.access import instructors_for
from coachready.training.models import Event

DATE = forms.DateInput(attrs={"type": "date"}, format=ISO_DATE)
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def course_choices(region: Region) -> list[tuple[str, str]]:
    policy = region.policy()
    return [("", gettext("— none (a coach clinic) —"))] + [
        (code, local(spec, "title")) for code, spec in policy.requirements.items()
    ]


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices, initial=Event.Kind.COURSE)
    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    course = forms.ChoiceField(
        label=_("Course granted"), required=False,
        help_text=_("The requirement a participant completes by attending every session. Empty for a clinic."),
        error_messages={"invalid_choice": _("Unknown course code %(value)s: choose one of the region's requirements.")},
    )
    instructors = ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label=_("Instructors"),
        help_text=_("People who hold the instructor role in the region."),
    )
    venue_name = forms.CharField(label=_("Venue"), max_length=120)
    venue_address = forms.CharField(label=pgettext_lazy("street address", "Address"), max_length=250, required=False)
    map_url = forms.URLField(label=_("Map link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(
        min_value=1, max_value=1000, label=_("Capacity"),
        error_messages={"min_value": _("The capacity must be at least 1 seat.")},
    )
    enrol_by = DateField(
        label=_("Enrolment deadline"), widget=DATE,
        help_text=_("The last day to enrol or cancel; not after the first session."),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["course"].choices = course_choices(region)
        self.fields["course"].required_when = _("required for a course")
        self.fields["instructors"].queryset = instructors_for(region).order_by(*name_order(), "pk")

    def clean(self):
        data = super().clean()
        kind, course = data.get("kind"), data.get("course")
        if kind == Event.Kind.COURSE and "course" not in self.errors and not course:
            self.add_error("course", gettext("Choose the requirement this course grants."))
        if kind == Event.Kind.CLINIC and course:
            self.add_error("course", gettext("A coach clinic grants no certificate; leave the course empty."))
        return data

    def event_fields(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in {"instructors"} and not k.startswith("session_")}


class SessionFields(forms.Form):
    date = DateField(label=_("Date"), widget=DATE)
    start = forms.TimeField(label=_("Starts"), widget=TIME)
    end = forms.TimeField(label=_("Ends"), widget=TIME)
    title = forms.CharField(label=_("What"), max_length=80, required=False,
                            help_text=_("For example: classroom, or on the field."))

    def __init__(self, *args, enrol_by=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrol_by = enrol_by

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", gettext("The session must end after it starts."))
        day = data.get("date")
        if day and self.enrol_by and day < self.enrol_by:
            self.add_error("date", gettext("A session cannot be before the enrolment deadline (%(day)s).") % {
                "day": formats.date_format(self.enrol_by, "DATE_FORMAT")})
        return data


class NewEventForm(EventForm):
    """An event and its first session on one page."""

    session_date = DateField(label=_("First session: date"), widget=DATE)
    session_start = forms.TimeField(label=_("First session: starts"), widget=TIME)
    session_end = forms.TimeField(label=_("First session: ends"), widget=TIME)
    session_title = forms.CharField(label=_("First session: what"), max_length=80, required=False,
                                    help_text=_("For example: classroom."))

    def clean(self):
        data = super().clean()
        start, end = data.get("session_start"), data.get("session_end")
        if start and end and end <= start:
            self.add_error("session_end", gettext("The session must end after it starts."))
        day, enrol_by = data.get("session_date"), data.get("enrol_by")
        if day and enrol_by and enrol_by > day:
            self.add_error("enrol_by", gettext("The enrolment deadline must not be after the first session."))
        return data

    def session_fields(self) -> dict:
        d = self.cleaned_data
        return {"date": d["session_date"], "start": d["session_start"], "end": d["session_end"],
                "title": d.get("session_title", "")}


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        max_length=300, required=False, label=_("Reason (sent to the people enrolled)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


# Service errors name model fields; the forms name some differently.
NEW_EVENT_FIELD_NAMES = {"date": "session_date", "start": "session_start", "end": "session_end", "title": "title"}


def apply_errors(form: forms.Form, error: ValidationError, names: dict[str, str] | None = None) -> None:
    """Show a service's ValidationError next to the matching fields."""
    names = names or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = names.get(field, field)
        form.add_error(target if target in form.fields else None, errors)
