"""Cross-certification of outside licences (CONTRACTS.md 3, DOMAIN.md 4)."""

from __future__ import annotations

import pytest

from coachready.rules import InputError, crosscert, load_policy
from coachready.rules.codes import LICENCE_CODES

REGION_CHAIN = ["regional_commissioner", "area_coach_administrator", "section_coach_administrator", "national_coach"]
NATIONAL_CHAIN = [
    "regional_coach_administrator", "area_coach_administrator", "section_coach_administrator", "national_coach",
]
YOUTH = ["coach_6u", "coach_8u", "coach_10u", "coach_12u"]


@pytest.mark.parametrize(
    ("licence", "grants"),
    [
        ("ussf_youth_modules", YOUTH),
        ("ussf_f", []),
        ("ussf_e", ["coach_intermediate"]),
        ("ussf_d", ["coach_advanced"]),
        ("ussf_c", ["coach_advanced"]),
        ("ussf_b", ["coach_advanced"]),
        ("ussf_a", ["coach_advanced"]),
        ("ussf_pro", ["coach_advanced"]),
        ("nscaa", []),
        ("united_soccer_coaches", []),
        ("fa", []),
        ("other", []),
    ],
)
def test_region_60(licence: str, grants: list[str]) -> None:
    result = crosscert(licence, load_policy()).to_dict()
    assert result["accepted"] is bool(grants)
    assert result["grants"] == grants
    assert result["approval_chain"] == (REGION_CHAIN if grants else [])
    assert result["reason"]


def test_region_60_refusal_words_come_from_the_page() -> None:
    assert "NSCAA" in crosscert("nscaa", load_policy()).reason
    assert "FA levels" in crosscert("fa", load_policy()).reason


@pytest.mark.parametrize(
    ("licence", "grants"),
    [
        ("ussf_a", ["coach_advanced"]),
        ("ussf_b", ["coach_advanced"]),
        ("ussf_c", ["coach_advanced"]),
        ("united_soccer_coaches", YOUTH),
        ("nscaa", YOUTH),
        ("fa", []),
        ("other", []),
    ],
)
def test_national_practice(licence: str, grants: list[str]) -> None:
    result = crosscert(licence, load_policy("ayso-national"))
    assert list(result.grants) == grants
    assert list(result.approval_chain) == (NATIONAL_CHAIN if grants else [])


@pytest.mark.parametrize("name", ["region-60", "ayso-national"])
def test_every_licence_has_an_answer(name: str) -> None:
    policy = load_policy(name)
    for licence in LICENCE_CODES:
        result = crosscert(licence, policy)
        assert result.reason and result.accepted == bool(result.grants)
    assert {"safe_haven", "concussion"} <= set(policy.crosscert.preconditions)


def test_unknown_licence() -> None:
    with pytest.raises(InputError) as caught:
        crosscert("ussf_z", load_policy())
    assert (caught.value.code, caught.value.path) == ("invalid_value", "license")
