"""The Coach Pass as text: what its QR code holds, and the one function
every checker (the command line, the server, the tests) verifies it with.

A pass is one line of three dot-separated parts:

    CP1.<payload>.<signature>

`payload` is compact JSON in unpadded base64url and `signature` the
region key's Ed25519 signature (base64url) over the ASCII text
"CP1.<payload>". The payload holds the least a check at the field needs:
pass id, key id, display name, volunteer id, region number, the
(role, division) pairs cleared, issue date and valid-through date. Never a
birth date, email address or phone number.

Pure: no Django. Keys and revocations are handed in.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

VERSION = "CP1"

# Reason codes a verification gives for a pass that is not valid.
BAD_SIGNATURE = "bad_signature"
UNKNOWN_KEY = "unknown_key"
REVOKED = "revoked"
EXPIRED = "expired"
NOT_YET_VALID = "not_yet_valid"


class NotAPass(ValueError):
    """The text does not have the shape of a pass at all."""


@dataclass(frozen=True)
class PassData:
    pass_id: str
    key_id: str
    name: str
    volunteer_id: str
    region: int
    cleared: tuple[tuple[str, str], ...]  # (role, division)
    issued_on: date
    valid_through: date

    def to_payload(self) -> dict[str, Any]:
        return {
            "p": self.pass_id, "k": self.key_id, "n": self.name, "v": self.volunteer_id, "r": self.region,
            "c": [list(pair) for pair in self.cleared],
            "i": self.issued_on.isoformat(), "t": self.valid_through.isoformat(),
        }

    @classmethod
    def from_payload(cls, raw: Any) -> PassData:
        """Raises ValueError/KeyError/TypeError on anything but a payload."""
        if not isinstance(raw, dict):
            raise TypeError("payload is not an object")
        cleared = tuple((str(role), str(division)) for role, division in raw["c"])
        return cls(
            pass_id=str(raw["p"]), key_id=str(raw["k"]), name=str(raw["n"]), volunteer_id=str(raw["v"]),
            region=int(raw["r"]), cleared=cleared,
            issued_on=date.fromisoformat(raw["i"]), valid_through=date.fromisoformat(raw["t"]),
        )


@dataclass(frozen=True)
class PublicKey:
    """A region's published verification key."""

    key_id: str
    region: int
    public_key: bytes  # raw 32-byte Ed25519 public key


@dataclass(frozen=True)
class Revocation:
    pass_id: str
    revoked_on: date
    reason: str


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str) -> bytes:
    """Strict unpadded base64url: a text that is not the one canonical
    encoding of its bytes is refused, so no two texts carry one signature."""
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64url") from exc
    if b64encode(data) != text:
        raise ValueError("not canonical base64url")
    return data


def encode(data: PassData, private_key: Ed25519PrivateKey) -> str:
    """The pass text, signed. Ed25519 is deterministic: the same data and
    key always give the same text."""
    body = json.dumps(data.to_payload(), separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    signed = f"{VERSION}.{b64encode(body.encode('utf-8'))}"
    return f"{signed}.{b64encode(private_key.sign(signed.encode('ascii')))}"


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def split(text: str) -> tuple[str, str, str]:
    """The three parts of a pass text; NotAPass if it has not that shape."""
    parts = (text or "").strip().split(".")
    if len(parts) != 3 or not all(parts) or not all(set(part) <= _ALPHABET for part in parts):
        raise NotAPass("A Coach Pass is three parts of letters, digits, - and _ separated by dots.")
    return parts[0], parts[1], parts[2]


def verify(text: str, *, keys: Mapping[str, PublicKey], revoked: Mapping[str, Revocation], as_of: date) -> dict:
    """Check a pass text on `as_of` against published keys (by key id) and
    the revocation list (by pass id).

    Returns {"valid", "reasons", "name", "volunteer_id", "region", "cleared",
    "valid_through", "issued_on", "pass_id", "key_id"}; a pass whose payload
    cannot be read (tampered with) is not valid with `bad_signature` and no
    data. A revocation counts whatever the day asked: a revoked pass is never
    to be trusted again. Raises NotAPass for text without a pass's shape.
    """
    version, body, signature = split(text)
    result: dict[str, Any] = {
        "valid": False, "reasons": [], "name": None, "volunteer_id": None, "region": None, "cleared": [],
        "valid_through": None, "issued_on": None, "pass_id": None, "key_id": None,
    }
    try:
        if version != VERSION:
            raise ValueError("unknown version")
        data = PassData.from_payload(json.loads(b64decode(body).decode("utf-8")))
        raw_signature = b64decode(signature)
    except (ValueError, KeyError, TypeError):
        result["reasons"] = [BAD_SIGNATURE]
        return result
    result.update(
        name=data.name, volunteer_id=data.volunteer_id, region=data.region,
        cleared=[{"role": role, "division": division} for role, division in data.cleared],
        valid_through=data.valid_through.isoformat(), issued_on=data.issued_on.isoformat(),
        pass_id=data.pass_id, key_id=data.key_id,
    )
    reasons = []
    key = keys.get(data.key_id)
    if key is None or key.region != data.region:
        # A key of another region cannot vouch for this one's coaches.
        reasons.append(UNKNOWN_KEY)
    else:
        try:
            Ed25519PublicKey.from_public_bytes(key.public_key).verify(raw_signature, f"{version}.{body}".encode())
        except (InvalidSignature, ValueError):
            reasons.append(BAD_SIGNATURE)
    if not reasons:
        # Dates and revocations mean something only for a genuine pass.
        if data.pass_id in revoked:
            reasons.append(REVOKED)
        if as_of > data.valid_through:
            reasons.append(EXPIRED)
        if as_of < data.issued_on:
            reasons.append(NOT_YET_VALID)
    result["valid"] = not reasons
    result["reasons"] = reasons
    return result
