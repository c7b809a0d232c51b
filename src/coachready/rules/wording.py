"""A sentence as the engine means it: a stable code and its parameters.

The engine decides; it does not write prose for people. Every explanation a
verdict carries is a `Wording`: a code naming the sentence ("eligibility.lapsed")
and parameters that are facts, never words: requirement, division and role
codes, dates as `date`, counts as numbers, lists of codes as tuples. The web
layer turns a Wording into a sentence in the reader's language
(`coachready.wording.render`); the contracts' machine text is made from the
same Wording by `english.contract_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .policy import Policy


@dataclass(frozen=True, slots=True)
class Wording:
    """One sentence: `code` names it, `params` fill it.

    `policy` is the profile whose texts (requirement titles, how-to text,
    risk status meanings) the sentence names by code; it is not a parameter
    and takes no part in equality.
    """

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    policy: Policy | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Verdicts share cached Wordings: their parameters must not change.
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))
