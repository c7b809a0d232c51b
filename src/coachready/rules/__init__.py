"""CoachReady's rules engine: pure functions over frozen data, no Django.

Everything a region may differ on lives in a policy profile (TOML under
`policies/`); every verdict carries stable codes and a `Wording` (a sentence's code
and parameters) that explains it. The clock is always a parameter (`as_of`), never read here.

Names are imported on first use (PEP 562), so the console script's rules
commands load only the modules they run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agegroup import TOO_OLD, TOO_YOUNG, age_group, age_number, membership_year
    from .crosscert import CrossCertResult, crosscert
    from .eligibility import evaluate
    from .errors import InputError, PolicyError
    from .heading import MatchRuling, Spot, heading_match
    from .heading_practice import Finding, HeadingSession, PracticeReview, heading_practice_week
    from .policy import (
        AgeRule,
        CrossCertSettings,
        DivisionRules,
        FieldSize,
        HeadingSettings,
        LicenceRule,
        Policy,
        RequirementSpec,
        RiskStatusRule,
        RoleSpec,
    )
    from .policy_loader import DEFAULT_POLICY, available_policies, load_policy, load_policy_file
    from .readiness import (
        Action,
        path_to_ready,
        prerequisite_message,
        prerequisite_wording,
        unmet_prerequisites,
    )
    from .schoolyard import (
        Activity,
        Curriculum,
        CurriculumWeek,
        SeasonPlan,
        Session,
        load_curriculum,
        plan_season,
    )
    from .validity import add_months, computed_valid_until, counts_on, record_valid_until
    from .verdict import Expiring, Record, RecordLike, RequirementStatus, Verdict
    from .wording import Wording

# Public name -> the module that defines it.
_EXPORTS = {
    "Action": "readiness",
    "Activity": "schoolyard",
    "AgeRule": "policy",
    "CrossCertResult": "crosscert",
    "CrossCertSettings": "policy",
    "Curriculum": "schoolyard",
    "CurriculumWeek": "schoolyard",
    "DEFAULT_POLICY": "policy_loader",
    "DivisionRules": "policy",
    "Expiring": "verdict",
    "FieldSize": "policy",
    "Finding": "heading_practice",
    "HeadingSession": "heading_practice",
    "HeadingSettings": "policy",
    "InputError": "errors",
    "LicenceRule": "policy",
    "MatchRuling": "heading",
    "Policy": "policy",
    "PolicyError": "errors",
    "PracticeReview": "heading_practice",
    "Record": "verdict",
    "RecordLike": "verdict",
    "RequirementSpec": "policy",
    "RequirementStatus": "verdict",
    "RiskStatusRule": "policy",
    "RoleSpec": "policy",
    "SeasonPlan": "schoolyard",
    "Session": "schoolyard",
    "Spot": "heading",
    "TOO_OLD": "agegroup",
    "TOO_YOUNG": "agegroup",
    "Verdict": "verdict",
    "Wording": "wording",
    "add_months": "validity",
    "age_group": "agegroup",
    "age_number": "agegroup",
    "available_policies": "policy_loader",
    "computed_valid_until": "validity",
    "counts_on": "validity",
    "crosscert": "crosscert",
    "evaluate": "eligibility",
    "heading_match": "heading",
    "heading_practice_week": "heading_practice",
    "load_curriculum": "schoolyard",
    "load_policy": "policy_loader",
    "load_policy_file": "policy_loader",
    "membership_year": "agegroup",
    "path_to_ready": "readiness",
    "plan_season": "schoolyard",
    "prerequisite_message": "readiness",
    "prerequisite_wording": "readiness",
    "record_valid_until": "validity",
    "unmet_prerequisites": "readiness",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "DEFAULT_POLICY",
    "TOO_OLD",
    "TOO_YOUNG",
    "Action",
    "Activity",
    "AgeRule",
    "CrossCertResult",
    "CrossCertSettings",
    "Curriculum",
    "CurriculumWeek",
    "DivisionRules",
    "Expiring",
    "FieldSize",
    "Finding",
    "HeadingSession",
    "HeadingSettings",
    "InputError",
    "LicenceRule",
    "MatchRuling",
    "Policy",
    "PolicyError",
    "PracticeReview",
    "Record",
    "RecordLike",
    "RequirementSpec",
    "RequirementStatus",
    "RiskStatusRule",
    "RoleSpec",
    "SeasonPlan",
    "Session",
    "Spot",
    "Verdict",
    "Wording",
    "add_months",
    "age_group",
    "age_number",
    "available_policies",
    "computed_valid_until",
    "counts_on",
    "crosscert",
    "evaluate",
    "heading_match",
    "heading_practice_week",
    "load_curriculum",
    "load_policy",
    "load_policy_file",
    "membership_year",
    "path_to_ready",
    "plan_season",
    "prerequisite_message",
    "prerequisite_wording",
    "record_valid_until",
    "unmet_prerequisites",
]
