from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, get_supported_language_variant
from django.utils.translation import gettext_lazy as _

from coachready.core.inputs import ISO_DATE, DateField
from coachready.org.models import Person, Region, Role


class RoleAssignmentForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label=_("Volunteer"))
    role = forms.ChoiceField(label=_("Role"), choices=[(r.value, r.label) for r in Role if r.value not in {
        "area_coach_administrator", "section_coach_administrator", "national_coach"}])
    start_on = DateField(label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE))
    end_on = DateField(
        label=_("Ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
        help_text=_("Leave empty for a role with no set end."),
    )

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(home_region=region)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_on"), data.get("end_on")
        if start and end and end < start:
            self.add_error("end_on", _("A role cannot end before it starts."))
        return data


def current_language() -> str:
    """The language this request is read in, as LANGUAGES writes it."""
    try:
        return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "preferred_name", "email", "phone", "birth_date", "language"]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format=ISO_DATE)}
        field_classes = {"birth_date": DateField}
        help_texts = {"language": _("Emails to this volunteer are written in it.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Not chosen: the browser's language")), *settings.LANGUAGES]


class LanguageForm(forms.Form):
    """A person's own choice of language (/my/language/)."""

    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, widget=forms.RadioSelect,
        help_text=_("Pages and the emails we send you are written in it."),
    )


class _LanguageOrPages(forms.ChoiceField):
    """Shown as a required choice (a select always sends one); a post that
    leaves it out (a sign-up from a script) gets the page's language."""

    def clean(self, value):  # noqa: ANN001, ANN201 - Django's signature
        if value in self.empty_values:
            return ""
        return super().clean(value)


class SignupLanguageForm(forms.Form):
    """What allauth's sign-up form adds (ACCOUNT_SIGNUP_FORM_CLASS): the
    language, first offered as the one the page is read in."""

    language = _LanguageOrPages(
        label=_("Language"), choices=settings.LANGUAGES,
        help_text=_("Pages and the emails we send you are written in it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()

    def signup(self, request, user) -> None:  # noqa: ANN001 - allauth's hook
        # The account has no volunteer record yet: the record takes the
        # language over when it is linked or started (org/signup.py).
        # Left out (a sign-up from a script), it is the page's language.
        user.language = self.cleaned_data.get("language") or current_language()
        user.save(update_fields=["language"])


class MessageRetentionForm(forms.ModelForm):
    class Meta:
        model = Region
        fields = ["message_retention_days"]
        help_texts = {"message_retention_days": _(
            "Contact and volunteer-interest messages older than this are deleted every night (30 to 3650 days). "
            "The network address stored with each is cleared after 30 days whatever this says."
        )}


class ClaimForm(forms.Form):
    """Claim an existing volunteer record: what only its volunteer knows."""

    volunteer_id = forms.CharField(label=_("AYSO volunteer id"), max_length=20)
    birth_date = DateField(label=_("Birth date"))


class NewVolunteerForm(forms.Form):
    """Start a new volunteer record in the region the person chooses."""

    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=80)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), empty_label=_("Choose your region"),
    )
    birth_date = DateField(
        label=_("Birth date"),
        help_text=_("Volunteers under 18 follow different rules, so the region needs it."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if born >= today or born.year < today.year - 120:
            raise forms.ValidationError(_("Enter your real birth date."))
        return born
