"""The `coachready` console script: exit codes, output streams, --jsonl.

Most tests call the command in process (fast); a few run the installed
script to prove the contract end to end (CONTRACTS.md section 0).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachready.cli import main
from coachready.rules.commands import run_command

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "coachready"

ELIGIBILITY = {
    "as_of": "2026-09-01",
    "division": "10U",
    "role": "head_coach",
    "policy": "region-60",
    "records": [
        {"requirement": "safe_haven", "completed_on": "2021-05-01"},
        {"requirement": "background_check", "completed_on": "2026-07-15", "risk_status": "green"},
        {"requirement": "safesport", "completed_on": "2024-08-01", "valid_until": "2027-07-31"},
    ],
}


def run(command: str, *args: str, stdin: bytes = b"") -> tuple[int, bytes, bytes]:
    out, err = io.BytesIO(), io.BytesIO()
    code = run_command(command, list(args), io.BytesIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def doc(value) -> bytes:
    return json.dumps(value).encode()


def test_eligibility_from_stdin() -> None:
    code, out, err = run("eligibility", stdin=doc(ELIGIBILITY))
    assert (code, err) == (0, b"")
    result = json.loads(out)
    assert result["eligible"] is False and "coach_10u" in result["unmet"]


@pytest.mark.parametrize("dash", [[], ["-"]])
def test_dash_means_stdin(dash: list[str]) -> None:
    assert run("crosscert", *dash, stdin=b'{"license": "ussf_d"}')[0] == 0


def test_eligibility_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "request.json"
    path.write_bytes(doc(ELIGIBILITY))
    code, out, _ = run("eligibility", str(path))
    assert code == 0 and json.loads(out)["division"] == "10U"


def test_invalid_input_exits_2_with_the_error_on_stderr() -> None:
    records = [*ELIGIBILITY["records"][:2], {"requirement": "safesport", "completed_on": "2026-02-30"}]
    code, out, err = run("eligibility", stdin=doc(dict(ELIGIBILITY, records=records)))
    assert (code, out) == (2, b"")
    error = json.loads(err)
    assert list(error) == ["error"]
    assert (error["error"]["code"], error["error"]["path"]) == ("invalid_date", "records[2].completed_on")
    assert "2026-02-30" in error["error"]["message"]
    assert err.count(b"\n") == 1


@pytest.mark.parametrize(
    ("stdin", "code"),
    [(b"", "invalid_json"), (b"{", "invalid_json"), (b"[]", "not_an_object"), (b" " * 1_000_001, "too_large")],
)
def test_unreadable_documents(stdin: bytes, code: str) -> None:
    status, out, err = run("heading", stdin=stdin)
    assert (status, out) == (2, b"")
    assert json.loads(err)["error"]["code"] == code


def test_missing_file() -> None:
    status, out, err = run("crosscert", "/nonexistent/request.json")
    assert (status, out) == (2, b"")
    assert json.loads(err)["error"] == {
        "code": "invalid_argument", "message": json.loads(err)["error"]["message"], "path": "FILE",
    }


@pytest.mark.parametrize("args", [["--frobnicate"], ["a.json", "b.json"], ["-x"]])
def test_bad_arguments(args: list[str]) -> None:
    status, out, err = run("eligibility", *args)
    assert (status, out) == (2, b"")
    assert json.loads(err)["error"]["code"] == "invalid_argument"


def test_jsonl_answers_every_line_in_order() -> None:
    lines = [
        doc({"license": "ussf_d"}),
        doc({"license": "ussf_zz"}),
        b"",
        b"not json",
        doc({"license": "nscaa"}),
    ]
    status, out, err = run("crosscert", "--jsonl", stdin=b"\n".join(lines) + b"\n")
    assert (status, err) == (2, b"")
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == 5
    assert results[0]["accepted"] is True and results[4]["accepted"] is False
    assert [r.get("line") for r in results] == [None, 2, 3, 4, None]
    assert [r["error"]["code"] for r in results if "error" in r] == ["invalid_value", "invalid_json", "invalid_json"]
    assert results[1]["error"]["path"] == "license"


def test_jsonl_all_good_exits_0_and_last_line_needs_no_newline() -> None:
    status, out, _ = run("crosscert", "--jsonl", stdin=b'{"license": "ussf_d"}\r\n{"license": "fa"}')
    assert status == 0
    assert [json.loads(line)["accepted"] for line in out.splitlines()] == [True, False]


def test_jsonl_over_long_line_is_skipped_not_held() -> None:
    long_line = b'{"license": "' + b"x" * 70_000 + b'"}'
    stdin = b'{"license": "ussf_d"}\n' + long_line + b'\n{"license": "fa"}\n' + long_line
    status, out, _ = run("crosscert", "--jsonl", stdin=stdin)
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 2
    assert [r.get("error", {}).get("code") for r in results] == [None, "too_large", None, "too_large"]
    assert [r.get("line") for r in results] == [None, 2, None, 4]


def test_jsonl_empty_input() -> None:
    assert run("eligibility", "--jsonl") == (0, b"", b"")


def test_schoolyard_flags() -> None:
    status, out, _ = run("schoolyard-plan", "--start", "2026-09-12", "--weeks", "12", "--skip", "2026-10-10")
    sessions = json.loads(out)["sessions"]
    assert status == 0 and len(sessions) == 12
    assert sessions[4]["date"] == "2026-10-17"


def test_schoolyard_several_skips() -> None:
    status, out, _ = run(
        "schoolyard-plan", "--start=2026-09-12", "--weeks=3",
        "--skip", "2026-09-19", "2026-09-26", "--skip=2026-10-10",
    )
    assert status == 0
    assert [s["date"] for s in json.loads(out)["sessions"]] == ["2026-09-12", "2026-10-03", "2026-10-17"]


@pytest.mark.parametrize(
    ("args", "code", "path"),
    [
        (["--weeks", "10"], "missing_field", "start"),
        (["--start", "2026-09-12"], "missing_field", "weeks"),
        (["--start", "2026-09-12", "--weeks", "ten"], "invalid_type", "weeks"),
        (["--start", "2026-13-01", "--weeks", "10"], "invalid_date", "start"),
        (["--start", "2026-09-12", "--weeks", "10", "--skip", "2026-10-11"], "invalid_value", "skip[0]"),
        (["--start", "2026-09-12", "--weeks"], "invalid_argument", "--weeks"),
        (["--start", "2026-09-12", "--weeks", "3", "--weeks", "4"], "invalid_argument", "--weeks"),
    ],
)
def test_schoolyard_flag_errors(args: list[str], code: str, path: str) -> None:
    status, out, err = run("schoolyard-plan", *args)
    assert (status, out) == (2, b"")
    assert (json.loads(err)["error"]["code"], json.loads(err)["error"]["path"]) == (code, path)


def test_schoolyard_from_a_document() -> None:
    status, out, _ = run("schoolyard-plan", stdin=b'{"start": "2026-09-12", "weeks": 2}')
    assert status == 0 and len(json.loads(out)["sessions"]) == 2


def test_heading_both_contexts() -> None:
    match = {"context": "match", "division": "10U", "deliberate": True, "offending_team": "away",
             "offence": {"x": 60.0, "y": 23.0}}
    status, out, _ = run("heading", stdin=doc(match))
    assert status == 0 and json.loads(out)["spot"] == {"x": 58.5, "y": 23.0}
    practice = {"context": "practice", "division": "12U", "week_of": "2026-09-07",
                "sessions": [{"date": "2026-09-08", "heading_minutes": 5}]}
    status, out, _ = run("heading", stdin=doc(practice))
    assert status == 0 and json.loads(out)["violations"][0]["code"] == "heading_banned"


def test_command_help() -> None:
    status, out, _ = run("eligibility", "--help")
    assert status == 0 and out.startswith(b"usage: coachready eligibility")


def test_top_level_help(capsys) -> None:
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for command in ("eligibility", "heading", "crosscert", "schoolyard-plan", "migrate", "Django"):
        assert command in text


# The installed script, end to end.

def script(*args: str, stdin: bytes = b"", timeout: int = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(SCRIPT), *args], input=stdin, capture_output=True, timeout=timeout, cwd=ROOT)


def test_script_exit_codes() -> None:
    good = script("eligibility", stdin=doc(ELIGIBILITY))
    assert (good.returncode, good.stderr) == (0, b"")
    assert json.loads(good.stdout)["policy"] == "region-60"
    bad = script("eligibility", stdin=b'{"as_of": "2026-09-01"}')
    assert (bad.returncode, bad.stdout) == (2, b"")
    assert json.loads(bad.stderr)["error"]["code"] == "missing_field"


def test_script_streams_a_large_batch(tmp_path: Path) -> None:
    line = doc(dict(ELIGIBILITY, division="U12")) + b"\n"
    path = tmp_path / "batch.jsonl"
    path.write_bytes(line * 100_000)
    done = script("eligibility", "--jsonl", str(path), timeout=600)
    assert done.returncode == 0
    assert done.stdout.count(b"\n") == 100_000
    assert json.loads(done.stdout.splitlines()[-1])["division"] == "12U"


def test_script_answers_each_line_as_it_arrives() -> None:
    process = subprocess.Popen(
        [str(SCRIPT), "crosscert", "--jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        for licence in ("ussf_d", "fa"):
            process.stdin.write(doc({"license": licence}) + b"\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())
            assert answer["license"] == licence
    finally:
        process.stdin.close()
        status = process.wait(timeout=60)
        process.stdout.close()
    assert status == 0


def test_rules_commands_do_not_load_django(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(doc(ELIGIBILITY))
    code = (
        "import sys; from coachready.cli import main; status = main(['eligibility', sys.argv[1]]); "
        "assert not any(m.startswith('django') for m in sys.modules), 'django imported'; sys.exit(status)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_other_commands_go_to_django() -> None:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="coachready.config.test_settings")
    done = subprocess.run([str(SCRIPT), "version"], capture_output=True, timeout=300, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(b"5.2")


def test_a_reader_that_goes_away_ends_any_command_quietly(monkeypatch):
    """`coachready readiness-report ... | head` must not end in a traceback."""
    import django.core.management

    from coachready import cli

    def closed_pipe(argv):
        raise BrokenPipeError

    monkeypatch.setattr(django.core.management, "execute_from_command_line", closed_pipe)
    monkeypatch.setattr(cli.os, "dup2", lambda *args: None)
    assert cli.main(["readiness-report", "--region", "60"]) == 1


@pytest.mark.parametrize(("args", "stdin", "path"), [
    (["schoolyard-plan", "--start", "9999-12-25", "--weeks", "1"], b"", "start"),
    (["schoolyard-plan"], b'{"start": "2026-09-12", "weeks": 2, "skip": ["9999-12-19"]}', "skip[0]"),
    (["eligibility"], b'{"as_of": "2026-09-01", "division": "10U", "records": '
                      b'[{"requirement": "safesport", "completed_on": "9999-12-01"}]}', "records[0].completed_on"),
    (["heading"], b'{"context": "practice", "division": "14U", "week_of": "0001-01-01", "sessions": []}', "week_of"),
])
def test_far_dates_exit_2_with_the_json_error_not_a_traceback(args: list[str], stdin: bytes, path: str) -> None:
    status, out, err = run(*args, stdin=stdin)
    assert (status, out) == (2, b"")
    error = json.loads(err)["error"]
    assert (error["code"], error["path"]) == ("invalid_date", path) and "1900 to 2200" in error["message"]
