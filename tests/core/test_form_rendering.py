"""A form sent back with errors never puts a value into an input that the
input cannot hold (invalid HTML that browsers drop anyway)."""

from __future__ import annotations

import pytest
from django import forms


class Practice(forms.Form):
    minutes = forms.IntegerField()
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))
    note = forms.CharField()


@pytest.mark.parametrize(
    ("field", "typed", "shown"),
    [
        ("minutes", "lots", None),
        ("minutes", "1e999999", "1e999999"),
        ("minutes", "-5", "-5"),
        ("day", "2026-02-30", None),
        ("day", "2026-02-28", "2026-02-28"),
        ("day", "tomorrow", None),
        ("starts", "25:00", None),
        ("starts", "09:30", "09:30"),
        ("note", "2026-02-30", "2026-02-30"),  # text inputs show what was typed
        ("note", "a\x00b", "a\ufffdb"),  # but never a NUL
    ],
)
def test_a_bound_form_echoes_only_values_the_input_can_hold(field, typed, shown):
    data = {"minutes": "1", "day": "2026-01-01", "starts": "09:00", "note": "x", field: typed}
    form = Practice(data)
    form.is_valid()
    assert form[field].value() == shown
    if shown is None:
        assert f'value="{typed}"' not in str(form[field])


def test_an_unbound_form_shows_its_initial_values():
    form = Practice(initial={"minutes": 20})
    assert form["minutes"].value() == 20


class Pick(forms.Form):
    colour = forms.ChoiceField(choices=[("red", "Red")])


def test_an_error_that_repeats_a_nul_shows_the_replacement_character():
    form = Pick({"colour": "\x00"})
    assert not form.is_valid()
    assert "\x00" not in str(form["colour"].errors) and "\ufffd" in str(form["colour"].errors)

