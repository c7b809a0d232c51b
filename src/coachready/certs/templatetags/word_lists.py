"""`{{ titles|and_list }}`: "A, B and C" in the reader's language (the
separator and the last word come from the catalogues, never ", ".join)."""

from django import template
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def and_list(items) -> str:  # noqa: ANN001 - any iterable of words
    return get_text_list([str(item) for item in items], _("and"))
