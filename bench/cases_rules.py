"""The rules engine: CLI --jsonl throughput against the JSON floor, and one
verdict in process."""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
import time
from datetime import date

from generate import eligibility_case, eligibility_lines
from harness import COACHREADY, PYTHON, Result, base_env, median_seconds

CASES = 50_000

FLOOR_SCRIPT = """
import json, sys
out = sys.stdout
for line in sys.stdin:
    out.write(json.dumps(json.loads(line)) + "\\n")
"""


def run() -> list[Result]:
    data = eligibility_lines(CASES)
    env = base_env()
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as fh:
        fh.write(data)
        fh.flush()

        def cli() -> None:
            with open(fh.name, "rb") as source:
                subprocess.run(
                    [COACHREADY, "eligibility", "--jsonl"],
                    stdin=source,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    check=True,
                )

        def floor() -> None:
            with open(fh.name, "rb") as source:
                subprocess.run(
                    [PYTHON, "-c", FLOOR_SCRIPT], stdin=source, env=env, stdout=subprocess.DEVNULL, check=True
                )

        cli_s = median_seconds(cli, runs=3)
        floor_s = median_seconds(floor, runs=3)
    ratio = cli_s / floor_s
    results = [
        Result("eligibility --jsonl, 50,000 cases", "none", cli_s, "s", "≤ 3x JSON floor", ratio, ratio <= 3),
        Result("JSON floor (json.loads + json.dumps), 50,000 lines", "none", floor_s, "s"),
        Result("eligibility --jsonl throughput", "none", CASES / cli_s, "cases/s"),
    ]
    results.extend(_in_process())
    return results


def _in_process() -> list[Result]:
    from coachready.rules import Record, evaluate, load_policy

    policy = load_policy("region-60")
    rng = random.Random(11)
    people = []
    for _ in range(2000):
        case = eligibility_case(rng)
        records = [
            Record(
                requirement=r["requirement"],
                completed_on=date.fromisoformat(r["completed_on"]),
                risk_status=r.get("risk_status"),
            )
            for r in case["records"]
        ]
        people.append((records, case["division"], case["role"]))
    as_of = date(2026, 9, 1)
    evaluate(*people[0][:1], people[0][1], people[0][2], as_of, policy)
    rounds = 10
    times = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(rounds):
            for records, division, role in people:
                evaluate(records, division, role, as_of, policy)
        times.append((time.perf_counter() - started) / (rounds * len(people)))
    per_call = sorted(times)[len(times) // 2] * 1e6
    return [
        Result("evaluate() one verdict in process", "none", per_call, "µs", "< 20 µs", None, per_call < 20),
        Result("evaluate() throughput in process", "none", 1e6 / per_call, "verdicts/s"),
    ]


if __name__ == "__main__":
    print(json.dumps([r.__dict__ for r in run()], indent=1))
