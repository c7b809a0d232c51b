"""How every form of the product renders (settings.FORM_RENDERER).

A form sent back with an error shows the visitor what they typed, except
where the browser's input cannot hold it: `value="lots"` on a number input
or `value="2026-02-30"` on a date input is invalid HTML, and browsers drop
it anyway. Those fields come back empty, with the error beside them; a NUL
typed anywhere comes back as the replacement character.
"""

from __future__ import annotations

import re
from datetime import date, time

from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates

_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


def _fits(input_type: str, value: object) -> bool:
    if not isinstance(value, str) or value == "":
        return True
    try:
        if input_type == "number":
            return _NUMBER.fullmatch(value) is not None
        if input_type == "date":
            date.fromisoformat(value)
        elif input_type == "time":
            time.fromisoformat(value)
    except ValueError:
        return False
    return True


class EchoBoundField(BoundField):
    def value(self):  # noqa: ANN201 - whatever the field holds
        value = super().value()
        input_type = getattr(self.field.widget, "input_type", None)
        if self.form.is_bound and input_type in ("number", "date", "time") and not _fits(input_type, value):
            return None
        if isinstance(value, str) and "\x00" in value:
            # A NUL is refused by the field and may not appear in a page:
            # shown as the replacement character browsers use for it.
            return value.replace("\x00", "\ufffd")
        return value

    @property
    def errors(self):  # noqa: ANN201 - an ErrorList
        # "Select a valid choice. <what was sent> is not one of ...": the same.
        errors = super().errors
        if not any("\x00" in str(error) for error in errors):
            return errors
        return self.form.error_class([str(e).replace("\x00", "\ufffd") for e in errors], renderer=self.form.renderer)


class FormRenderer(DjangoTemplates):
    bound_field_class = EchoBoundField
