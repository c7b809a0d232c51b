"""Benchmarks over the synthetic national data set: seeding, readiness,
imports and reminders."""

from __future__ import annotations

import csv
import io
import random
import tempfile
import time
from datetime import date, timedelta

from harness import Database, Result

AS_OF = "2026-09-01"


def seed(db: Database, volunteers: int, regions: int) -> list[Result]:
    started = time.perf_counter()
    db.run("seed-demo", "--volunteers", str(volunteers), "--regions", str(regions), "--seed", "1")
    seconds = time.perf_counter() - started
    # 120 s for each 100,000 volunteers: the target grows with the data set.
    limit = 120 * max(1, volunteers // 100_000)
    target = f"< {limit} s (PostgreSQL)" if db.label == "postgresql" else ""
    met = seconds < limit if db.label == "postgresql" and volunteers >= 100_000 else None
    return [
        Result(
            f"seed-demo {volunteers:,} volunteers, {regions} regions",
            db.label,
            seconds,
            "s",
            target,
            None,
            met,
        )
    ]


def readiness(db: Database, region: int) -> list[Result]:
    size = db.inproc("people", str(region))
    dash = db.inproc("dashboard", str(region))
    note = f"{size['volunteers']:,} volunteers, {size['teams']} teams"
    results = [
        Result(
            "readiness dashboard, one region",
            db.label,
            dash["seconds"] * 1000,
            "ms",
            "< 300 ms",
            None,
            dash["seconds"] < 0.3,
            note,
        ),
        Result("readiness dashboard queries", db.label, dash["queries"], "queries", "constant", note=note),
        Result("readiness dashboard after a write (nothing cached)", db.label, dash["cold_seconds"] * 1000, "ms",
               "< 300 ms", None, dash["cold_seconds"] < 0.3, note),
        Result("readiness dashboard queries after a write", db.label, dash["cold_queries"], "queries", "constant",
               note=note),
    ]
    queue = db.inproc("verify_queue", str(region), "200")
    results.append(Result("verification queue, first page", db.label, queue["seconds"] * 1000, "ms", "< 150 ms",
                          None, queue["seconds"] < 0.15,
                          f"{queue['pending']} uploads waiting, {queue['queries']} queries"))
    started = time.perf_counter()
    db.run("readiness-report", "--region", str(region), "--as-of", AS_OF, "--format", "csv")
    seconds = time.perf_counter() - started
    results.append(
        Result(
            "readiness-report --format csv, one region",
            db.label,
            seconds,
            "s",
            "< 2 s",
            None,
            seconds < 2,
            note,
        )
    )
    results.extend(national(db))
    return results


def national(db: Database) -> list[Result]:
    """The national report: every region, streamed, timed with its peak memory."""
    seconds, peak, cpu = db.measure("readiness-report", "--all-regions", "--as-of", AS_OF, "--format", "csv")
    postgres = db.label == "postgresql"
    return [
        Result("readiness-report --all-regions --format csv, the nation", db.label, seconds, "s",
               "< 15 s (PostgreSQL)", None, seconds < 15 if postgres else None,
               note=f"{cpu:.1f} s of CPU in the command"),
        Result("readiness-report --all-regions, peak memory", db.label, peak, "MB",
               "< 300 MB (PostgreSQL)", None, peak < 300 if postgres else None),
    ]


IMPORT_ROWS = 100_000
COURSES = [
    "Z-Online AYSOs Safe Haven",
    "CDC Concussion Awareness",
    "Sudden Cardiac Arrest",
    "SafeSport Trained - U.S. Soccer Federation",
    "U-10 Coach",
    "Intermediate (14U) Coach",
    "Regional Referee",
]


def _import_file(region: int, db: Database) -> bytes:
    """100,000 legacy-named certification rows for the region's volunteers,
    each with its own completion date so none is a duplicate."""
    ids = db.inproc("volunteer_ids", str(region))["ids"]
    rng = random.Random(5)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Volunteer ID", "Course", "Completion Date"])
    start = date(2000, 1, 1)
    for i in range(IMPORT_ROWS):
        vid = ids[i % len(ids)]
        writer.writerow(
            [
                vid,
                COURSES[(i // len(ids)) % len(COURSES)],
                (start + timedelta(days=i // len(ids) * 7 + rng.randint(0, 6))).isoformat(),
            ]
        )
    return out.getvalue().encode()


def imports(db: Database, region: int) -> list[Result]:
    data = _import_file(region, db)
    with tempfile.NamedTemporaryFile(suffix=".csv") as fh:
        fh.write(data)
        fh.flush()
        started = time.perf_counter()
        db.run("import", fh.name, "--region", str(region), "--kind", "records")
        seconds = time.perf_counter() - started
    results = [
        Result(
            "import 100,000 certification rows (CSV)",
            db.label,
            seconds,
            "s",
            "< 20 s (PostgreSQL)",
            None,
            seconds < 20 if db.label == "postgresql" else None,
        )
    ]
    if db.label == "postgresql":
        copy = db.inproc("copy_floor", str(region), str(IMPORT_ROWS))["seconds"]
        results.append(Result("PostgreSQL COPY of the same 100,000 rows (floor)", db.label, copy, "s"))
        results[0].ratio = seconds / copy
    return results


def reminders(db: Database) -> list[Result]:
    started = time.perf_counter()
    out = db.run("send-reminders", "--as-of", AS_OF).stdout.decode()
    seconds = time.perf_counter() - started
    last = out.strip().splitlines()[-1] if out.strip() else ""
    return [
        Result(
            "send-reminders, whole nation",
            db.label,
            seconds,
            "s",
            "< 30 s (PostgreSQL)",
            None,
            seconds < 30 if db.label == "postgresql" else None,
            note=last[:80],
        )
    ]


def _largest_rows(region: int, db: Database, offset_days: int):
    """MAX_ROWS certification rows for the region's volunteers, each with its
    own completion date, and a column the import does not read padding each
    row so the CSV comes close to the size limit."""
    from coachready.imports.parsing import MAX_FILE_BYTES, MAX_ROWS

    ids = db.inproc("volunteer_ids", str(region))["ids"]
    header = ["Volunteer ID", "Course", "Completion Date", "Notes"]
    pad = "n" * max(0, int(MAX_FILE_BYTES * 0.97) // MAX_ROWS - 45)
    start = date(1990, 1, 1) + timedelta(days=offset_days)
    rows = (
        [ids[i % len(ids)], COURSES[(i // len(ids)) % len(COURSES)],
         (start + timedelta(days=i // len(ids))).isoformat(), pad]
        for i in range(MAX_ROWS)
    )
    return header, rows


def import_limits(db: Database, region: int) -> list[Result]:
    """The largest CSV and XLSX files the import's limits allow, through the
    web flow: peak memory, and the preview page of their 200,000-row batch."""
    from openpyxl import Workbook

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        header, rows = _largest_rows(region, db, 0)
        csv_path = f"{tmp}/largest.csv"
        with open(csv_path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
        header, rows = _largest_rows(region, db, 20_000)
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        xlsx_path = f"{tmp}/largest.xlsx"
        book.save(xlsx_path)
        for fmt, path in (("CSV", csv_path), ("XLSX", xlsx_path)):
            found = db.inproc("import_largest", str(region), path)
            size = f"{found['rows']:,} rows, {found['bytes'] / 1024 / 1024:.1f} MB {fmt}"
            results += [
                Result(f"import the largest file allowed ({size}): peak memory", db.label, found["peak_mb"], "MB",
                       "< 400 MB", None, found["peak_mb"] < 400,
                       note=f"upload {found['upload']:.1f} s, commit {found['commit']:.1f} s"),
                Result(f"preview page of that {found['rows']:,}-row batch (first / last page)", db.label,
                       max(found["first_page"], found["last_page"]), "s", "< 1 s", None,
                       max(found["first_page"], found["last_page"]) < 1,
                       note=f"first {found['first_page'] * 1000:.0f} ms, last {found['last_page'] * 1000:.0f} ms"),
            ]
    return results
