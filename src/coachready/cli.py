"""The `coachready` console script.

The rules commands (`eligibility`, `heading`, `crosscert`, `schoolyard-plan`)
run on the pure engine without loading Django, so batches start fast. Every
other subcommand is Django's management command of the same name
(`coachready migrate`, `coachready runserver`, ...), as with `manage.py`.
"""

from __future__ import annotations

import os
import sys

RULES_COMMANDS = ("eligibility", "heading", "crosscert", "schoolyard-plan")

HELP = """\
usage: coachready <command> [options]

Rules commands (JSON in, JSON out; exit 0 on a result, 2 on invalid input):
  eligibility [FILE|-] [--jsonl]      may this person coach this division?
  heading [FILE|-] [--jsonl]          heading rules: match restart or practice week
  crosscert [FILE|-] [--jsonl]        can an outside licence be cross-certified?
  schoolyard-plan --start YYYY-MM-DD --weeks N [--skip YYYY-MM-DD ...]
                                      a School Yard season plan

Input is read from FILE, or from standard input when FILE is omitted or "-".
With --jsonl each input line is one request and each output line its result.

Every other command is one of Django's management commands, run as with
manage.py: migrate, runserver, createsuperuser, check, and this project's own
(run "coachready help" for the full list).
"""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader went away (`coachready ... | head`): stop quietly, as
        # Unix tools do, whichever command was writing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _run(args: list[str]) -> int:
    if not args or args[0] in ("-h", "--help"):
        sys.stdout.write(HELP)
        return 0
    if args[0] in RULES_COMMANDS:
        from coachready.rules.commands import run_command

        return run_command(args[0], args[1:], sys.stdin.buffer, sys.stdout.buffer, sys.stderr.buffer)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coachready.config.settings")
    from django.core.management import execute_from_command_line
    from django.db import Error as DatabaseError

    try:
        execute_from_command_line(["coachready", *args])
    except DatabaseError as exc:
        # Whatever the command, a database that is down, read-only or full
        # is one line naming the database and the cause, not a chain of
        # tracebacks through the driver; --traceback still shows them.
        if "--traceback" in args:
            raise
        from coachready.core.dbfailures import describe_database, diagnose

        failure = diagnose(exc)
        assert failure is not None  # every django.db.Error is diagnosed
        sys.stderr.write(failure.line(describe_database()) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
