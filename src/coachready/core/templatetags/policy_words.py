"""Policy and curriculum words in the reader's language.

    {% load policy_words %}
    {{ spec|local:"title" }}            a requirement's, role's or week's text
    {% for point in activity|local:"coaching_points" %}
    {{ policy|local_title:code }}       a requirement's title from its code
"""

from __future__ import annotations

from typing import Any

from django import template

from coachready.core import policy_words
from coachready.rules.policy import Policy

register = template.Library()


@register.filter
def local(obj: Any, field: str) -> Any:
    """`obj`'s `field` in the active language (English where it has none)."""
    return policy_words.local(obj, field)


@register.filter
def local_title(policy: Policy, code: str) -> str:
    """The title of requirement `code` in the active language."""
    if not isinstance(policy, Policy):
        return code
    return policy_words.local_title(policy, code)
