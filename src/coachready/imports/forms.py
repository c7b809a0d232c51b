from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coachready.core.inputs import ISO_DATE, DateField
from coachready.imports.parsing import MAX_FILE_BYTES, ParseError, Table
from coachready.imports.services import read_file


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("A volunteers file or a certification records file; the first sheet of a workbook is read."),
    )
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[("", _("Tell from the columns")), ("volunteers", _("Volunteers")),
                 ("records", _("Certification records"))],
        required=False,
    )
    undated_on = DateField(
        label=_("Date for rows without a completion date"),
        help_text=_("The licence/grade export lists credentials without dates; one-time courses from it are "
                    "recorded as of this date."),
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["undated_on"].initial = timezone.localdate()
        self.data_bytes = b""
        # The file as read here, handed on to the batch so it is read once.
        self.table: Table | None = None
        self.kind = ""

    def clean_undated_on(self):
        day = self.cleaned_data["undated_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(gettext("The date cannot be in the future."))
        return day

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > MAX_FILE_BYTES:
            self.add_error("file", gettext("The file is larger than 25 MB. Split it in parts."))
            return cleaned
        self.data_bytes = upload.read()
        try:
            self.table, self.kind = read_file(self.data_bytes, upload.name, cleaned.get("kind") or None)
        except ParseError as exc:
            self.add_error("file", str(exc))
        return cleaned


class CommitForm(forms.Form):
    skip_invalid = forms.BooleanField(label=_("Skip the rows with errors and import the others"), required=False)
