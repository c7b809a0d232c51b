"""The field kit's catalogues compiled for the test run, as `make install`
compiles them for a server: the .mo files are built, not kept in git."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import coachready.field

LOCALE = Path(coachready.field.__file__).parent / "locale"


def compile_catalogues() -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return
    for po in LOCALE.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run([msgfmt, "--check", "-o", str(mo), str(po)], check=True)
    # Django keeps the catalogues it loaded; drop them so the fresh ones count.
    from django.utils.translation import trans_real

    trans_real._translations = {}
