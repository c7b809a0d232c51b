"""The shipped .env.example works as the operations guide uses it: sourced
by sh in the cron lines (`set -a; . ./env`) and read by the settings."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"
LINE = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")


def listed() -> dict[str, str]:
    """KEY=VALUE lines of the file, with the value as meant (quotes off)."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = LINE.match(line)
        if match:
            key, value = match.groups()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            values[key] = value
    return values


def sourced(then: str) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    script = f'set -a; . "{ENV_EXAMPLE}"; set +a; exec "{sys.executable}" -c "$0"'
    return subprocess.run(["sh", "-c", script, then], env=env, capture_output=True, text=True, timeout=120)


def test_sh_sources_the_file_and_every_value_survives():
    result = sourced("import json, os; print(json.dumps(dict(os.environ)))")
    assert result.returncode == 0, result.stderr
    environment = json.loads(result.stdout)
    expected = listed()
    assert "DEFAULT_FROM_EMAIL" in expected and "EMAIL_TIMEOUT" in expected
    assert {key: environment.get(key) for key in expected} == expected
    assert environment["DEFAULT_FROM_EMAIL"] == "CoachReady <noreply@coach.example.org>"


@pytest.mark.parametrize("setting", ["DEFAULT_FROM_EMAIL", "EMAIL_TIMEOUT", "DEBUG", "ALLOWED_HOSTS"])
def test_the_settings_accept_the_sourced_values(setting):
    result = sourced(
        "import json; from coachready.config import settings as s; "
        f"print(json.dumps(getattr(s, {setting!r})))"
    )
    assert result.returncode == 0, result.stderr
    expected = {"DEFAULT_FROM_EMAIL": "CoachReady <noreply@coach.example.org>", "EMAIL_TIMEOUT": 20,
                "DEBUG": False, "ALLOWED_HOSTS": ["coach.example.org"]}[setting]
    assert json.loads(result.stdout) == expected
