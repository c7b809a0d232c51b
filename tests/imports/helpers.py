"""Building import files in tests."""

from __future__ import annotations

import csv
import io
from importlib import resources


def csv_bytes(rows, *, delimiter=",", bom=False) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def sample(name: str) -> bytes:
    return resources.files("coachready.imports").joinpath("samples", name).read_bytes()


RECORD_HEADER = ["Admin_ID", "Last_Name", "First_Name", "Email", "Course", "Completion_Date"]
