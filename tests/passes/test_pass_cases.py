"""The pass table the field kit's passcheck.js is checked against in the
browser (tests/e2e/test_field_kit.py) says what the server's codec says."""

import json

import pytest

from tests.passes.pass_cases import TABLE, build, expected

STORED = json.loads(TABLE.read_text(encoding="utf-8"))


def test_table_is_current():
    """Made again from the fixed keys, the table is the one stored (run
    `python -m tests.passes.pass_cases` after a deliberate change)."""
    assert build() == STORED


@pytest.mark.parametrize("case", STORED["cases"], ids=[c["name"] for c in STORED["cases"]])
def test_codec_gives_the_tables_answer(case):
    assert expected(case["text"], case["as_of"]) == case["expected"]


def test_the_table_covers_every_reason():
    reasons = {r for c in STORED["cases"] for r in c["expected"].get("reasons", [])}
    assert reasons == {"bad_signature", "unknown_key", "revoked", "expired", "not_yet_valid"}
    assert any(c["expected"].get("valid") for c in STORED["cases"])
    assert any(c["expected"].get("not_a_pass") for c in STORED["cases"])
