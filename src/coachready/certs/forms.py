"""Forms of the coach portal and the region's certification pages. Every bad
input gets a message next to its field; nothing is saved until all is valid."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coachready.certs.models import CertificationRecord
from coachready.core.inputs import ISO_DATE, DateField
from coachready.core.uploads import validate_evidence_file

DATE = forms.DateInput(attrs={"type": "date"}, format=ISO_DATE)


def _not_future(value: date | None, today: date) -> date | None:
    if value is not None and value > today:
        raise ValidationError(_("The completion date cannot be in the future."))
    return value


class UploadForm(forms.Form):
    requirement = forms.ChoiceField(label=_("Certificate of"))
    completed_on = DateField(label=_("Completed on"), widget=DATE,
                             help_text=_("The date printed on the certificate."))
    evidence = forms.FileField(label=_("Certificate file"), help_text=_("PDF, PNG or JPEG, at most 10 MB."),
                               widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))

    def __init__(self, *args, policy, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.today = today
        self.fields["requirement"].choices = [("", _("Choose…"))] + [
            (code, spec.title) for code, spec in policy.requirements.items() if spec.reportable
        ]

    def clean_completed_on(self):
        return _not_future(self.cleaned_data.get("completed_on"), self.today)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        validate_evidence_file(upload)
        return upload


class ManualRecordForm(forms.Form):
    SOURCES = [
        (CertificationRecord.Source.EVENT, CertificationRecord.Source.EVENT.label),
        (CertificationRecord.Source.MANUAL, CertificationRecord.Source.MANUAL.label),
        (CertificationRecord.Source.ONLINE, CertificationRecord.Source.ONLINE.label),
        (CertificationRecord.Source.IMPORT, CertificationRecord.Source.IMPORT.label),
    ]
    requirement = forms.ChoiceField(label=_("Requirement"))
    completed_on = DateField(label=_("Completed on"), widget=DATE)
    valid_until = DateField(label=_("Counts until"), widget=DATE, required=False,
                            help_text=_("Only when the certificate states its own last valid day."))
    risk_status = forms.ChoiceField(label=_("Risk status"), required=False,
                                    help_text=_("Background checks only."))
    source = forms.ChoiceField(label=_("Source"), choices=SOURCES)
    note = forms.CharField(label=_("Note"), required=False, max_length=500,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("For example the class, its date and instructor."))
    evidence = forms.FileField(label=_("Evidence file"), required=False,
                               help_text=_("PDF, PNG or JPEG, at most 10 MB."))

    def __init__(self, *args, policy, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.today = today
        self.fields["requirement"].choices = [("", _("Choose…"))] + [
            (code, spec.title) for code, spec in policy.requirements.items()
        ]
        self.fields["risk_status"].required_when = _("required for a background check")
        self.fields["risk_status"].choices = [("", "—")] + [
            (code, _("%(status)s: %(meaning)s") % {"status": code, "meaning": rule.meaning})
            for code, rule in policy.risk_statuses.items()
        ]

    def clean_completed_on(self):
        return _not_future(self.cleaned_data.get("completed_on"), self.today)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            validate_evidence_file(upload)
        return upload or None

    def clean(self):
        data = super().clean()
        done, until = data.get("completed_on"), data.get("valid_until")
        if done and until and until < done:
            self.add_error("valid_until", _("A record cannot stop counting before it was completed."))
        code = data.get("requirement")
        if data.get("risk_status") and code and code != self.policy.risk_requirement:
            self.add_error("risk_status", _("Only a background check has a risk status."))
        if code == self.policy.risk_requirement and not data.get("risk_status"):
            self.add_error("risk_status", _("Give the background check's risk status."))
        return data


class ApproveForm(forms.Form):
    completed_on = DateField(label=_("Completion date"), widget=DATE, required=False,
                             help_text=_("Correct it if the certificate shows another date."))

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_completed_on(self):
        return _not_future(self.cleaned_data.get("completed_on"), self.today)


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason (the volunteer reads it)"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if not reason:
            raise ValidationError(_("Give the volunteer a reason."))
        return reason


class EmailForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
