"""CoachReady's rules engine: pure functions over frozen data, no Django.

Everything a region may differ on lives in a policy profile (TOML under
`policies/`); every verdict carries stable codes and the words that explain
it. The clock is always a parameter (`as_of`), never read here.
"""

from .agegroup import TOO_OLD, TOO_YOUNG, age_group, age_number, membership_year
from .crosscert import CrossCertResult, crosscert
from .eligibility import Expiring, Record, RecordLike, RequirementStatus, Verdict, evaluate
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
from .readiness import Action, path_to_ready, prerequisite_message, unmet_prerequisites
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
    "record_valid_until",
    "unmet_prerequisites",
]
