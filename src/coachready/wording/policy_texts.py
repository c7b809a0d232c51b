"""Policy texts inside rendered sentences: titles, how-to text, renewals,
risk status meanings, the heading policy's source, licence reasons.

Every sentence the renderer makes reads them here and nowhere else, in the
active language (`coachready.core.policy_words`): the policy's own English
where a region's override left a text untranslated.
"""

from __future__ import annotations

from coachready.core.policy_words import local
from coachready.rules import Policy
from coachready.teams.labels import division_label


def policy_title(policy: Policy, code: str) -> str:
    """The title of a requirement ("Safe Haven"), a role ("Head Coach") or a
    division ("10U", "School Yard") code; the code itself when unknown."""
    spec = policy.requirements.get(code)
    if spec is not None:
        return local(spec, "title")
    role = policy.roles.get(code)
    if role is not None:
        return local(role, "title")
    return division_label(code)


def policy_text(policy: Policy, kind: str, code: str, field: str) -> str:
    """One of the policy's texts other than a title.

    `kind` "requirement" (`field` "how_to", "renewal"), "risk_status"
    ("meaning", "next_step"), "licence" ("reason", "title") or "heading"
    (`code` "", `field` "source").
    """
    if kind == "requirement":
        return str(local(policy.requirements[code], field))
    if kind == "risk_status":
        return str(local(policy.risk_statuses[code], field))
    if kind == "licence":
        return str(local(policy.crosscert.licences[code], field))
    if kind == "heading":
        return str(local(policy.heading, field))
    raise KeyError(kind)
