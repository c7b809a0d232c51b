"""`make bench`: every benchmark, on SQLite and (when DATABASE_URL names
PostgreSQL) on PostgreSQL; prints a table and writes bench/results/latest.md.

Benchmarks report; they never fail the build. Sizes follow the issues'
targets and can be scaled down for a quick look:
BENCH_VOLUNTEERS (default 300000) and BENCH_REGIONS (default 150), so each
region holds 2,000 volunteers and 400 teams, the size of a large region, and
the nation is the size the national report must handle.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases_data  # noqa: E402
import cases_rules  # noqa: E402
import cases_web  # noqa: E402
from harness import ROOT, Database, Result, base_env, render_table  # noqa: E402

VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", "300000"))
REGIONS = int(os.environ.get("BENCH_REGIONS", "150"))
FIRST_REGION = 1000


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    system = f"{platform.system()} {platform.machine()}"
    return f"{system}, {cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def databases(workdir: Path) -> list[Database]:
    dbs = [
        Database(
            "sqlite",
            base_env(DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}", COACHREADY_VAR_DIR=str(workdir)),
        )
    ]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        server, _, _ = url.rpartition("/")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS coachready_bench")
            conn.execute("CREATE DATABASE coachready_bench")
        dbs.append(
            Database(
                "postgresql",
                base_env(DATABASE_URL=f"{server}/coachready_bench", COACHREADY_VAR_DIR=str(workdir)),
            )
        )
    return dbs


def stage(results: list[Result], name: str, db_label: str, fn) -> None:
    started = time.perf_counter()
    print(f"-- {name} ({db_label})", flush=True)
    try:
        results.extend(fn())
    except Exception as exc:  # a benchmark reports; it never stops the others
        traceback.print_exc()
        results.append(Result(name, db_label, 0, "", note=f"failed: {exc}"[:200]))
    print(f"   {time.perf_counter() - started:.0f} s", flush=True)


def main() -> int:
    results: list[Result] = []
    stage(results, "rules engine", "none", cases_rules.run)
    with tempfile.TemporaryDirectory(prefix="coachready-bench-") as tmp:
        for db in databases(Path(tmp)):
            db.run("migrate", "--noinput", "-v0")
            stage(results, "seed", db.label, lambda db=db: cases_data.seed(db, VOLUNTEERS, REGIONS))
            stage(results, "readiness", db.label, lambda db=db: cases_data.readiness(db, FIRST_REGION))
            stage(results, "imports", db.label, lambda db=db: cases_data.imports(db, FIRST_REGION))
            stage(results, "import limits", db.label, lambda db=db: cases_data.import_limits(db, FIRST_REGION))
            stage(results, "reminders", db.label, lambda db=db: cases_data.reminders(db))
            stage(results, "web", db.label, lambda db=db: cases_web.run(db, FIRST_REGION))
    table = render_table(results, machine())
    out = ROOT / "bench" / "results" / "latest.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table)
    print()
    print(table)
    print(f"Written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
