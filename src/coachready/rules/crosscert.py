"""Cross-certification of outside coaching licences (CONTRACTS.md section 3).

Region 60's page: USSF Youth Modules may apply for 6U-12U, E for
Intermediate, D or higher for Advanced; NSCAA, FA and others are not
accepted; recommendation by the Regional Commissioner, then the Area and the
Section coach administrators, then the National Coach approves. National
practice since 2019 differs (DOMAIN.md section 4); both live in the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .codes import LICENCE_CODES
from .english import contract_text
from .errors import InputError
from .policy import Policy
from .wording import Wording


@dataclass(frozen=True, slots=True)
class CrossCertResult:
    """Whether a licence can be cross-certified, to what, and who approves it.

    A refused licence has no grants and no approval chain; `reason` always
    says why, in words a coach can act on (the machine text of `wording`,
    the policy's own reason for the licence). `preconditions` lists what must
    be on record before an application is sent.
    """

    license: str
    accepted: bool
    grants: tuple[str, ...]
    approval_chain: tuple[str, ...]
    reason: str
    preconditions: tuple[str, ...]
    wording: Wording | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's response object."""
        return {
            "license": self.license,
            "accepted": self.accepted,
            "grants": list(self.grants),
            "approval_chain": list(self.approval_chain),
            "reason": self.reason,
            "preconditions": list(self.preconditions),
        }


def crosscert(license: str, policy: Policy) -> CrossCertResult:
    """The policy's answer for one licence code (`ussf_d`, `nscaa`, ...)."""
    rule = policy.crosscert.licences.get(license)
    if rule is None:
        raise InputError(
            "invalid_value",
            f"Unknown licence {license!r}; use one of {', '.join(LICENCE_CODES)}.",
            "license",
        )
    settings = policy.crosscert
    wording = Wording("crosscert.licence", {"licence": license}, policy)
    return CrossCertResult(
        license=license,
        accepted=rule.accepted,
        grants=rule.grants,
        approval_chain=settings.approval_chain if rule.accepted else (),
        reason=contract_text(wording),
        preconditions=settings.preconditions if rule.accepted else (),
        wording=wording,
    )
