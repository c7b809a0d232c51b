"""The public forms: contact and volunteer interest.

Spam protection without third parties: a honeypot field people never see
(bots fill every field) and a per-address rate limit counted from the
stored submissions.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coachready.site.models import ContactMessage, InterestNote
from coachready.site.services.inbox import RATE_LIMIT, RATE_WINDOW, is_rate_limited
from coachready.teams.labels import division_label

HONEYPOT = "website"
REFUSED = gettext_lazy(
    "This form could not be accepted. If you are a person, please call or email the region instead."
)


class SpamGuardForm(forms.Form):
    """Adds the honeypot and the rate limit; subclasses say which model and field."""

    kind: type[ContactMessage] | type[InterestNote]
    email_field = "email"

    website = forms.CharField(
        required=False, label=gettext_lazy("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, region=None, ip: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.ip = ip

    def visible_fields(self):
        return [f for f in super().visible_fields() if f.name != HONEYPOT]

    def clean(self):
        data = super().clean()
        if data.get(HONEYPOT):
            raise forms.ValidationError(REFUSED, code="honeypot")
        email = data.get(self.email_field)
        if email and is_rate_limited(self.kind, self.region, email, self.ip):
            minutes = int(RATE_WINDOW.total_seconds() // 60)
            raise forms.ValidationError(
                ngettext(
                    "We have received %(count)s messages from you in the last %(minutes)s minute. "
                    "Please wait %(minutes)s minute before sending another.",
                    "We have received %(count)s messages from you in the last %(minutes)s minutes. "
                    "Please wait %(minutes)s minutes before sending another.",
                    minutes,
                ) % {"count": RATE_LIMIT, "minutes": minutes},
                code="rate_limited",
            )
        return data


class ContactForm(SpamGuardForm):
    kind = ContactMessage

    name = forms.CharField(max_length=120, label=gettext_lazy("Your name"))
    email = forms.EmailField(label=gettext_lazy("Your email address"), help_text=gettext_lazy("We answer by email."))
    topic = forms.ChoiceField(choices=ContactMessage.Topic.choices, label=gettext_lazy("Topic"))
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), min_length=10, max_length=5000, label=gettext_lazy("Message"),
        help_text=gettext_lazy("Please do not include children's personal details."),
    )
    field_order = ["name", "email", "topic", "message", HONEYPOT]


class InterestForm(SpamGuardForm):
    kind = InterestNote

    first_name = forms.CharField(max_length=80, label=gettext_lazy("First name"))
    last_name = forms.CharField(max_length=80, label=gettext_lazy("Last name"))
    email = forms.EmailField(label=gettext_lazy("Email address"))
    phone = forms.CharField(max_length=40, required=False, label=gettext_lazy("Phone"))
    division = forms.ChoiceField(label=gettext_lazy("Division you would like to coach"), required=False)
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=3000, required=False,
        label=gettext_lazy("Anything we should know"),
        help_text=gettext_lazy("Experience, availability, a child's team you would like to coach."),
    )
    field_order = ["first_name", "last_name", "email", "phone", "division", "message", HONEYPOT]

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, region=region, **kwargs)
        divisions = region.policy().divisions if region is not None else ()
        self.fields["division"].choices = [("", _("Not sure yet"))] + [(d, division_label(d)) for d in divisions]
