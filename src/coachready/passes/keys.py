"""Each region's Ed25519 signing key: made when first needed, kept
encrypted at rest, rotated on request, and published while any pass it
signed can still be valid.

The private key is encrypted with Fernet under a key derived (HKDF-SHA256)
from SECRET_KEY; keys made under an earlier SECRET_KEY still open while it
is listed in SECRET_KEY_FALLBACKS. A server that loses its SECRET_KEY loses
its signing keys: rotate, and coaches are issued new passes.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from coachready.org.audit import log_action
from coachready.org.models import Region
from coachready.passes import codec
from coachready.passes.models import SigningKey

_INFO = b"coachready.passes.signing-key"


def _fernet_for(secret: str) -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret.encode("utf-8"))
    return Fernet(codec.b64encode(derived) + "=")


def _fernet() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet_for(s) for s in secrets])


def private_key(key: SigningKey) -> Ed25519PrivateKey:
    raw = _fernet().decrypt(key.private_key_encrypted.encode("ascii"))
    return Ed25519PrivateKey.from_private_bytes(raw)


def _new_key(region: Region) -> SigningKey:
    secret = Ed25519PrivateKey.generate()
    raw_private = secret.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                       serialization.NoEncryption())
    raw_public = secret.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    # Short, and telling at a glance which region a key belongs to.
    key_id = f"{region.number}-{codec.b64encode(hashlib.sha256(raw_public).digest())[:6]}"
    return SigningKey.objects.create(
        region=region, key_id=key_id, public_key=codec.b64encode(raw_public),
        private_key_encrypted=_fernet().encrypt(raw_private).decode("ascii"),
    )


def current_key(region: Region, *, user: Any = None) -> SigningKey:
    """The key that signs the region's new passes, made on first need."""
    found = SigningKey.objects.filter(region=region, retired_at__isnull=True).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            key = _new_key(region)
            log_action("passes.key.created", user=user, obj=key, region=region,
                       summary=f"Coach Pass signing key {key.key_id} created", data={"key_id": key.key_id})
            return key
    except IntegrityError:
        # Another request made it at the same moment: use theirs.
        return SigningKey.objects.get(region=region, retired_at__isnull=True)


@transaction.atomic
def rotate(region: Region, *, user: Any = None) -> SigningKey:
    """Retire the region's current key and make a new one. The retired key
    stays published until every pass it signed has expired."""
    old = SigningKey.objects.select_for_update().filter(region=region, retired_at__isnull=True).first()
    if old is not None:
        old.retired_at = timezone.now()
        old.save(update_fields=["retired_at"])
    key = _new_key(region)
    log_action("passes.key.rotated", user=user, obj=key, region=region,
               summary=f"Coach Pass signing key rotated: {old.key_id if old else 'none'} retired, {key.key_id} new",
               data={"retired": old.key_id if old else None, "key_id": key.key_id})
    return key


def published_keys(as_of: date) -> list[SigningKey]:
    """Current keys, and retired keys that signed a pass still valid on `as_of`."""
    return list(
        SigningKey.objects.select_related("region")
        .annotate(signs_until=Max("passes__valid_through"))
        .filter(Q(retired_at__isnull=True) | Q(signs_until__gte=as_of))
        .order_by("region__number", "created_at", "pk")
    )


def verification_keys() -> dict[str, codec.PublicKey]:
    """Every key this installation ever made, for checking passes here (an
    expired pass signed by a long-retired key is still told apart from a
    forgery)."""
    return {
        key.key_id: codec.PublicKey(key.key_id, key.region.number, codec.b64decode(key.public_key))
        for key in SigningKey.objects.select_related("region")
    }


