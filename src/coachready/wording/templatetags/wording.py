"""`{{ status.wording|words }}`: a rules Wording in the page's language."""

from __future__ import annotations

from django import template

from coachready.rules import Wording
from coachready.wording.render import render

register = template.Library()


@register.filter
def words(wording: Wording | None) -> str:
    """The sentence for `wording` in the active language ("" for None)."""
    return render(wording)
