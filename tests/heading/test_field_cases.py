"""The heading table the field kit's rules.js is checked against in the
browser (tests/e2e/test_field_kit.py) says what the engine says."""

import json

import pytest

from tests.heading.field_cases import TABLE, build, expected

STORED = json.loads(TABLE.read_text(encoding="utf-8"))


def test_table_is_current():
    """Made again through the engine, the table is the one stored (run
    `python -m tests.heading.field_cases` after a deliberate change)."""
    assert build() == STORED


@pytest.mark.parametrize("case", STORED["cases"], ids=[c["name"] for c in STORED["cases"]])
def test_engine_gives_the_tables_answer(case):
    assert expected(case["request"]) == case["expected"]


def test_the_table_covers_every_outcome():
    answers = [c["expected"] for c in STORED["cases"]]
    assert {a.get("restart") for a in answers} >= {"indirect_free_kick", "none"}
    assert any(a.get("anywhere_in_goal_area") for a in answers)
    assert {f["code"] for a in answers for f in a.get("violations", []) + a.get("warnings", [])} == {
        "heading_banned", "minutes_exceeded", "headers_exceeded", "headers_high"}
    assert {a["error"]["code"] for a in answers if "error" in a} == {"off_field", "invalid_value"}
