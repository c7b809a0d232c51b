"""Forms: the application (new or returned) and a reviewer's decision.

The forms only parse; whether a licence is accepted, which courses it
grants and whether the preconditions are met is asked of the service, and
each problem lands next to its field.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coachready.core.inputs import ISO_DATE, DateField
from coachready.core.policy_words import local_title
from coachready.crosscert.models import LICENCE_CHOICES, Application, Decision
from coachready.crosscert.services import validate_application

DATE = forms.DateInput(attrs={"type": "date"}, format=ISO_DATE)


class ApplicationForm(forms.Form):
    licence = forms.ChoiceField(
        label=_("Licence or diploma you hold"), choices=[("", _("Choose your licence")), *LICENCE_CHOICES]
    )
    licence_number = forms.CharField(label=_("Licence number"), max_length=60)
    issuing_body = forms.CharField(
        label=_("Issued by"), max_length=120, initial="U.S. Soccer Federation",
        help_text=_("The organisation named on the licence."),
    )
    issued_on = DateField(label=_("Issued on"), widget=DATE)
    expires_on = DateField(
        label=_("Expires on"), widget=DATE, required=False,
        help_text=_("Leave empty if the licence does not expire."),
    )
    course = forms.ChoiceField(label=_("AYSO certificate you apply for"))
    scan = forms.FileField(
        label=_("Copy of the licence"),
        help_text=_("A scan or photo: PDF, PNG or JPEG, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )
    statement = forms.CharField(
        label=_("Statement"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Your coaching experience, and anything the reviewers should know."),
    )

    def __init__(self, *args, person, policy, application: Application | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person, self.policy, self.application = person, policy, application
        courses = []
        for rule in policy.crosscert.licences.values():
            for code in rule.grants:
                if code not in courses:
                    courses.append(code)
        self.fields["course"].choices = [("", gettext("Choose a certificate"))] + [
            (code, local_title(policy, code)) for code in courses
        ]
        if application is not None:
            # Returned for more information: the licence copy on file stays
            # unless a new one is attached.
            self.fields["scan"].required = False
            self.fields["scan"].help_text = gettext(
                "Attach a new copy only if the reviewers asked for one. "
                "A scan or photo: PDF, PNG or JPEG, at most 10 MB."
            )

    def clean(self):
        data = super().clean()
        if self.errors:
            # Field errors first; the policy is asked once the fields parse,
            # except for the licence, whose refusal matters most.
            if "licence" in data and not self.has_error("licence"):
                problems = validate_application(self.person, {"licence": data["licence"]}, self.policy,
                                                timezone.localdate(), scan_required=False)
                for problem in problems:
                    if problem.code in {"licence_refused", "unknown_licence"}:
                        self.add_error("licence", problem.message)
            return data
        problems = validate_application(
            self.person, data, self.policy, timezone.localdate(),
            exclude=self.application, scan_required=self.application is None,
        )
        for problem in problems:
            self.add_error(problem.field or None, problem.message)
        return data


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason or note"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you return or reject the application; the applicant sees it."),
    )
    step = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    round = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, actions: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            Decision.Action.RECOMMEND: gettext("Recommend"),
            Decision.Action.APPROVE: gettext("Approve and grant the certificate"),
            Decision.Action.RETURN: gettext("Return for more information"),
            Decision.Action.REJECT: gettext("Reject"),
        }
        self.fields["action"].choices = [(a, labels[Decision.Action(a)]) for a in actions]
        self.fields["reason"].required_when = _("required to return or reject")
