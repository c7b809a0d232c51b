"""Forms of the notify pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coachready.core.policy_words import local
from coachready.notify.models import NotificationPreference

MAX_POINTS = 8


def parse_days(text: str) -> tuple[int, ...]:
    """"60, 30, 7, 0" → (60, 30, 7, 0); raises ValidationError naming the problem."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not parts:
        raise forms.ValidationError(_("Give at least one number of days (0 = the day it lapses)."))
    days = []
    for part in parts:
        if not part.isdigit():
            raise forms.ValidationError(_("“%(part)s” is not a whole number of days.") % {"part": part})
        value = int(part)
        if value > 365:
            raise forms.ValidationError(_("%(value)s is more than 365 days.") % {"value": value})
        days.append(value)
    if len(set(days)) != len(days):
        raise forms.ValidationError(_("A number of days appears twice."))
    if len(days) > MAX_POINTS:
        raise forms.ValidationError(ngettext(
            "At most %(count)d reminder per requirement.", "At most %(count)d reminders per requirement.", MAX_POINTS,
        ) % {"count": MAX_POINTS})
    return tuple(sorted(days, reverse=True))


class ReminderScheduleForm(forms.Form):
    """One field per requirement that can lapse: its reminder days."""

    def __init__(self, *args, policy, defaults: dict[str, tuple[int, ...]], **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = []
        for code, spec in policy.requirements.items():
            if spec.validity_months is None:
                continue
            self.codes.append(code)
            self.fields[code] = forms.CharField(
                label=_("%(title)s (%(renewal)s)") % {"title": local(spec, "title"), "renewal": local(spec, "renewal")},
                initial=", ".join(str(d) for d in policy.reminder_days(code)),
                help_text=_(
                    "Days before it lapses, separated by commas; 0 is the day it lapses. "
                    "The profile's default: %(days)s."
                ) % {"days": ", ".join(str(d) for d in defaults[code])},
                max_length=80,
            )

    def clean(self):
        data = super().clean()
        for code in self.codes:
            if code in data:
                try:
                    data[code] = parse_days(data[code])
                except forms.ValidationError as exc:
                    self.add_error(code, exc)
        return data


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
        labels = {"frequency": gettext_lazy("Optional email")}
