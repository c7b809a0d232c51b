"""Policy and curriculum words in the reader's language.

The rules engine carries each text in English and in every language of
`coachready.rules.translations.LANGUAGES`; this picks the one for the active
Django language. The CLI and the JSON API never call it: their words stay
the engine's English (CONTRACTS.md).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from coachready.core.language import supported
from coachready.rules.policy import Policy
from coachready.rules.translations import ENGLISH, LANGUAGES, Worded


def policy_language(language: str | None = None) -> str:
    """The policy-text language for a Django language code (the active one by default).

    The same reading of a code as the rest of the product's
    (`coachready.core.language.supported`): `zh-tw`, `zh-hk` read Traditional
    Chinese, other Chinese Simplified, any Spanish Spanish, the rest English.
    """
    code = language if language is not None else translation.get_language() or ENGLISH
    found = supported(code)
    return found if found in LANGUAGES else ENGLISH


def local(obj: Any, field: str) -> Any:
    """`obj.field` in the active language: a requirement's or role's title,
    a how-to, a School Yard week's title or an activity's coaching points.

    Anything that carries no translations gives its attribute as it is, so a
    template never fails on a row built elsewhere.
    """
    if not isinstance(obj, Worded):
        return getattr(obj, field, "")
    language = policy_language()
    if isinstance(getattr(obj, field), tuple):
        return obj.texts(field, language)
    return obj.text(field, language)


def local_title(policy: Policy, code: str) -> str:
    """The title of requirement `code` in the active language."""
    return policy.title_of(code, policy_language())
