"""Request fields every command shares: the policy name and the division."""

from __future__ import annotations

from typing import Any

from .codes import DIVISIONS, canonical_division
from .errors import InputError
from .jsonfields import want_choice, want_str
from .policy import Policy
from .policy_loader import available_policies, load_policy

_policy_names: list[str] = []


def policy_names() -> list[str]:
    """Names of the shipped policy profiles (read once)."""
    if not _policy_names:
        _policy_names.extend(available_policies())
    return _policy_names


def want_policy(value: Any, path: str = "policy") -> Policy:
    """A policy name from the request, loaded (cached)."""
    return load_policy(want_choice(value, policy_names(), "policy", path))


def want_division(value: Any, path: str = "division") -> str:
    """A division in any accepted spelling ("10U", "10u", "U10"), canonical."""
    text = want_str(value, path)
    found = canonical_division(text)
    if found is None:
        raise InputError(
            "invalid_value",
            f"Unknown division {text!r}; use one of {', '.join(DIVISIONS)}.",
            path,
        )
    return found
