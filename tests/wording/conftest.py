"""The wording catalogue compiled for the tests that read it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import coachready.wording

LOCALE = Path(coachready.wording.__file__).parent / "locale"


@pytest.fixture(autouse=True, scope="session")
def _compiled_catalogue():
    """Compile a .po whose .mo is missing or older, then forget loaded catalogues."""
    from django.utils.translation import trans_real

    changed = False
    for po in LOCALE.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)
            changed = True
    if changed:
        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = trans_real.Local()
    yield
