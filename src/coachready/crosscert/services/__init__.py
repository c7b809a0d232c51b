"""Cross-certification workflows: applying, and the approval chain."""

from coachready.crosscert.services.applications import (
    CrossCertError,
    PreconditionCheck,
    check_preconditions,
    licence_options,
    resubmit_application,
    submit_application,
    validate_application,
)
from coachready.crosscert.services.decisions import act_on_application, allowed_actions

__all__ = [
    "CrossCertError",
    "PreconditionCheck",
    "act_on_application",
    "allowed_actions",
    "check_preconditions",
    "licence_options",
    "resubmit_application",
    "submit_application",
    "validate_application",
]
