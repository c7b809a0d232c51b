"""The table of pass texts the server's codec and the field kit's
passcheck.js are both checked against (pass_cases.json), so the two can
never drift apart.

The passes are signed with fixed test keys, so the table is the same every
time it is made; `python -m tests.passes.pass_cases` writes it again after
a deliberate change, and test_pass_cases.py fails while it is stale.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from coachready.passes import codec

TABLE = Path(__file__).with_name("pass_cases.json")
AS_OF = "2026-10-03"

# Region 60's current and retired keys, and Region 61's (fixed seeds: test keys only).
KEY_60 = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
KEY_60_OLD = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
KEY_61 = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))
UNPUBLISHED = Ed25519PrivateKey.from_private_bytes(bytes(range(3, 35)))


def _public(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return codec.b64encode(raw)


KEYS_DOC = {
    "generated_on": AS_OF, "algorithm": "Ed25519",
    "keys": [
        {"key_id": "60-cur", "region": 60, "public_key": _public(KEY_60), "created_on": "2026-08-01",
         "retired_on": None},
        {"key_id": "60-old", "region": 60, "public_key": _public(KEY_60_OLD), "created_on": "2025-08-01",
         "retired_on": "2026-08-01"},
        {"key_id": "61-cur", "region": 61, "public_key": _public(KEY_61), "created_on": "2026-08-01",
         "retired_on": None},
    ],
}
REVOKED_DOC = {
    "generated_on": AS_OF,
    "revoked": [{"pass_id": "p-revoked", "revoked_on": "2026-09-20", "reason": "background_check"}],
}

CASEY = codec.PassData(
    pass_id="p-casey", key_id="60-cur", name="Casey Coach", volunteer_id="123456789", region=60,
    cleared=(("head_coach", "10U"), ("assistant_coach", "12U")),
    issued_on=date(2026, 9, 1), valid_through=date(2026, 12, 31),
)


def keys_for_codec(doc: dict[str, Any]) -> dict[str, codec.PublicKey]:
    return {k["key_id"]: codec.PublicKey(k["key_id"], k["region"], codec.b64decode(k["public_key"]))
            for k in doc["keys"]}


def revoked_for_codec(doc: dict[str, Any]) -> dict[str, codec.Revocation]:
    return {r["pass_id"]: codec.Revocation(r["pass_id"], date.fromisoformat(r["revoked_on"]), r["reason"])
            for r in doc["revoked"]}


def _swap(text: str, index: int) -> str:
    """The text with one character changed to another of the alphabet."""
    old = text[index]
    return text[:index] + ("A" if old != "A" else "B") + text[index + 1:]


def _raw(payload: Any, key: Ed25519PrivateKey, version: str = "CP1") -> str:
    body = codec.b64encode(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    signed = f"{version}.{body}"
    return f"{signed}.{codec.b64encode(key.sign(signed.encode('ascii')))}"


def texts() -> list[tuple[str, str, str]]:
    """(name, pass text, as_of) for every case."""
    valid = codec.encode(CASEY, KEY_60)
    version, body, signature = valid.split(".")
    other_name = json.dumps(CASEY.to_payload() | {"n": "Someone Else"}, separators=(",", ":"), sort_keys=True)
    renamed = codec.b64encode(other_name.encode())
    last = "B" if body[-1] != "B" else "C"
    no_end = {k: v for k, v in CASEY.to_payload().items() if k != "t"}
    return [
        ("valid", valid, AS_OF),
        ("valid on its last day", valid, "2026-12-31"),
        ("valid on its first day", valid, "2026-09-01"),
        ("expired the day after valid-through", valid, "2027-01-01"),
        ("not yet valid", valid, "2026-08-31"),
        ("revoked", codec.encode(replace(CASEY, pass_id="p-revoked"), KEY_60), AS_OF),
        ("revoked and expired", codec.encode(replace(CASEY, pass_id="p-revoked"), KEY_60), "2027-02-01"),
        ("signed by the retired key, still valid", codec.encode(replace(CASEY, key_id="60-old"), KEY_60_OLD), AS_OF),
        ("Han characters in the name", codec.encode(replace(CASEY, name="王伟", pass_id="p-wang"), KEY_60), AS_OF),
        ("accents in the name", codec.encode(replace(CASEY, name="José Núñez"), KEY_60), AS_OF),
        ("name changed, signature kept", f"{version}.{renamed}.{signature}", AS_OF),
        ("one character of the signature changed", f"{version}.{body}.{_swap(signature, 10)}", AS_OF),
        ("one character of the payload changed", f"{version}.{_swap(body, 20)}.{signature}", AS_OF),
        ("last character of the payload changed", f"{version}.{body[:-1]}{last}.{signature}", AS_OF),
        ("signature cut short", f"{version}.{body}.{signature[:40]}", AS_OF),
        ("unknown key", codec.encode(replace(CASEY, key_id="60-gone"), UNPUBLISHED), AS_OF),
        ("region 61's key vouching for region 60", codec.encode(replace(CASEY, key_id="61-cur"), KEY_61), AS_OF),
        ("signed by a key that is not the one named", codec.encode(CASEY, UNPUBLISHED), AS_OF),
        ("another version", f"CP2.{body}.{signature}", AS_OF),
        ("payload not JSON", _raw_text(b"not json", KEY_60), AS_OF),
        ("payload a list", _raw([1, 2], KEY_60), AS_OF),
        ("payload missing valid-through", _raw(no_end, KEY_60), AS_OF),
        ("payload with a bad date", _raw(CASEY.to_payload() | {"t": "2026-02-30"}, KEY_60), AS_OF),
        ("payload with a text region", _raw(CASEY.to_payload() | {"r": "60"}, KEY_60), AS_OF),
        ("payload with a cleared pair of three", _raw(CASEY.to_payload() | {"c": [["a", "b", "c"]]}, KEY_60), AS_OF),
        ("payload not UTF-8", _raw_text(b'{"n":"\xff"}', KEY_60), AS_OF),
        ("two parts only", f"{version}.{body}", AS_OF),
        ("a stray character", f"{version}.{body}.{signature}!", AS_OF),
        ("empty", "", AS_OF),
        ("a web address", "https://example.org/pass", AS_OF),
        ("spaces around are ignored", f"  {valid}\n", AS_OF),
    ]


def _raw_text(body: bytes, key: Ed25519PrivateKey) -> str:
    signed = f"CP1.{codec.b64encode(body)}"
    return f"{signed}.{codec.b64encode(key.sign(signed.encode('ascii')))}"


def expected(text: str, as_of: str) -> dict[str, Any]:
    try:
        return codec.verify(text, keys=keys_for_codec(KEYS_DOC), revoked=revoked_for_codec(REVOKED_DOC),
                            as_of=date.fromisoformat(as_of))
    except codec.NotAPass:
        return {"not_a_pass": True}


def build() -> dict[str, Any]:
    return {
        "keys": KEYS_DOC,
        "revoked": REVOKED_DOC,
        "cases": [{"name": name, "text": text, "as_of": as_of, "expected": expected(text, as_of)}
                  for name, text, as_of in texts()],
    }


if __name__ == "__main__":
    TABLE.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
