"""Shared pieces of the benchmark suite: timing, results, the table."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
COACHREADY = str(VENV_BIN / "coachready")
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable


@dataclass
class Result:
    name: str
    database: str
    value: float
    unit: str
    target: str = ""
    # value / floor where the benchmark has a floor to compare with
    ratio: float | None = None
    met: bool | None = None
    note: str = ""


@dataclass
class Database:
    label: str  # "sqlite" or "postgresql"
    env: dict[str, str]

    def run(self, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [COACHREADY, *args], env=self.env, input=stdin, capture_output=True, timeout=1800
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"coachready {' '.join(args)} failed: {result.stderr.decode()[-2000:]}")
        return result

    def measure(self, *args: str) -> tuple[float, float, float]:
        """Run a command with its output thrown away: (wall seconds, peak
        resident memory in MB, CPU seconds), of that process alone. The CPU
        time does not depend on what else the machine is doing."""
        started = time.perf_counter()
        process = subprocess.Popen([COACHREADY, *args], env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"coachready {' '.join(args)} failed: {process.stderr.read().decode()[-2000:]}")
        process.stderr.close()
        # ru_maxrss is in kilobytes on Linux.
        return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime

    def inproc(self, case: str, *args: str) -> dict:
        """Run a case of bench/inproc.py in a Django process on this database."""
        result = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "inproc.py"), case, *args],
            env=self.env,
            capture_output=True,
            timeout=1800,
        )
        if result.returncode != 0:
            raise RuntimeError(f"inproc {case} failed: {result.stderr.decode()[-3000:]}")
        return json.loads(result.stdout.decode().strip().splitlines()[-1])


def median_seconds(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "COACHREADY_VAR_DIR"}}
    env.update(extra)
    env.setdefault("DEBUG", "true")
    # One key for every process of a run, so a session made in one is valid
    # in the web server the throughput benchmark starts.
    env.setdefault("SECRET_KEY", "bench-only-key-" + "b" * 48)
    env.setdefault("EMAIL_URL", "locmem:")
    return env


def render_table(results: list[Result], machine: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine}",
        "",
        "| benchmark | database | median | target | ratio to floor | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        value = f"{r.value:,.3f} {r.unit}" if r.value < 100 else f"{r.value:,.0f} {r.unit}"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else ""
        met = {True: "yes", False: "NO", None: ""}[r.met]
        note = f" ({r.note})" if r.note else ""
        lines.append(f"| {r.name}{note} | {r.database} | {value} | {r.target} | {ratio} | {met} |")
    return "\n".join(lines) + "\n"
