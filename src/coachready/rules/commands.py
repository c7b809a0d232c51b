"""The rules commands of the `coachready` console script.

`coachready eligibility|heading|crosscert [FILE|-] [--jsonl]` and
`coachready schoolyard-plan --start D --weeks N [--skip D ...]`
(CONTRACTS.md section 0): exit 0 with the result on standard output, exit 2
with an empty standard output and one error object on standard error. With
`--jsonl` every input line gets one output line, in order, streamed; a bad
line's error object (with its 1-based `line`) takes its place, and the
command exits 2 once the batch is done.

This module imports nothing from Django, so a batch starts in milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from .contract import COMMANDS
from .errors import InputError
from .jsonfields import MAX_BODY_BYTES, MAX_LINE_BYTES, load_json

DOCUMENT_COMMANDS = ("eligibility", "heading", "crosscert")
OUTPUT_BUFFER = 65536  # bytes gathered per write: streams without a write per line

USAGE = {
    "eligibility": "coachready eligibility [FILE|-] [--jsonl]",
    "heading": "coachready heading [FILE|-] [--jsonl]",
    "crosscert": "coachready crosscert [FILE|-] [--jsonl]",
    "schoolyard-plan": (
        "coachready schoolyard-plan --start YYYY-MM-DD --weeks N [--skip YYYY-MM-DD ...] "
        "[--repeat WEEK ...]\n       coachready schoolyard-plan [FILE|-] [--jsonl]"
    ),
}
_FLAG_FIELDS = {"--start": "start", "--weeks": "weeks", "--skip": "skip", "--repeat": "repeat"}
_LIST_FLAGS = ("--skip", "--repeat")


class _Options:
    def __init__(self) -> None:
        self.path: str | None = None
        self.jsonl = False
        self.help = False
        self.flags: dict[str, Any] = {}


def _argument_error(message: str, path: str) -> InputError:
    return InputError("invalid_argument", message, path)


def parse_arguments(command: str, argv: list[str]) -> _Options:
    """Options from the command line; bad flags are an InputError(invalid_argument)."""
    options = _Options()
    takes_flags = command == "schoolyard-plan"
    index = 0
    while index < len(argv):
        arg = argv[index]
        index += 1
        name, _, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if arg in ("-h", "--help"):
            options.help = True
        elif arg == "--jsonl":
            options.jsonl = True
        elif takes_flags and name in _FLAG_FIELDS:
            values = [inline] if inline else []
            # A list flag takes every value up to the next option.
            while index < len(argv) and not argv[index].startswith("--") and (
                not values or name in _LIST_FLAGS
            ):
                values.append(argv[index])
                index += 1
            if not values:
                raise _argument_error(f"{name} needs a value.", name)
            field = _FLAG_FIELDS[name]
            if name in _LIST_FLAGS:
                options.flags.setdefault(field, []).extend(_flag_value(name, v) for v in values)
            elif field in options.flags:
                raise _argument_error(f"{name} is given twice.", name)
            else:
                options.flags[field] = _flag_value(name, values[0])
        elif arg.startswith("-") and arg != "-":
            raise _argument_error(f"Unknown option {arg}; usage: {USAGE[command]}", arg)
        elif options.path is None:
            options.path = arg
        else:
            raise _argument_error(f"Only one input file may be given; usage: {USAGE[command]}", arg)
    if options.flags and (options.path is not None or options.jsonl):
        raise _argument_error("Give either the flags or an input document, not both.", "")
    return options


def _flag_value(name: str, text: str) -> Any:
    # Numbers arrive as text; convert so the JSON contract checks them
    # exactly as it would an HTTP body (a non-number stays text and fails
    # there with the field's path).
    if name in ("--weeks", "--repeat"):
        try:
            return int(text)
        except ValueError:
            return text
    return text


def run_command(
    command: str, argv: list[str], stdin: IO[bytes], stdout: IO[bytes], stderr: IO[bytes]
) -> int:
    """Run one rules command; the exit status (0 valid, 2 invalid input)."""
    handler = COMMANDS[command]
    try:
        options = parse_arguments(command, argv)
        if options.help:
            stdout.write(f"usage: {USAGE[command]}\n".encode())
            return 0
        if options.flags:
            stdout.write(_pretty(handler(options.flags), stdout))
            return 0
        if options.jsonl:
            with _open(options.path, stdin) as stream:
                return run_lines(handler, stream, stdout)
        with _open(options.path, stdin) as stream:
            data = stream.read(MAX_BODY_BYTES + 1)
        result = handler(load_json(data, MAX_BODY_BYTES))
    except InputError as error:
        stderr.write(json.dumps(error.to_dict()).encode() + b"\n")
        return 2
    stdout.write(_pretty(result, stdout))
    return 0


def _pretty(text: str, stdout: IO[bytes]) -> bytes:
    """The result as one line, indented for a person reading a terminal."""
    if stdout.isatty():
        text = json.dumps(json.loads(text), indent=2)
    return text.encode() + b"\n"


class _open:
    """The named file, or standard input for none or "-" (left open)."""

    def __init__(self, path: str | None, stdin: IO[bytes]) -> None:
        self.path = path
        self.stdin = stdin
        self.file: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        if self.path is None or self.path == "-":
            return self.stdin
        try:
            self.file = open(self.path, "rb")  # noqa: SIM115 - closed in __exit__
        except OSError as exc:
            raise _argument_error(f"Cannot read {self.path}: {exc.strerror}.", "FILE") from None
        return self.file

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            self.file.close()


def run_lines(handler: Callable[[Any], str], stream: IO[bytes], stdout: IO[bytes]) -> int:
    """One result line per input line, in order, streamed; 2 if any line was bad.

    A blank line is an error too (`invalid_json`), so output line N always
    answers input line N. Output is gathered in a buffer of about 64 KB and
    written as it fills: batches stream in constant memory.
    """
    readline = stream.readline
    write = stdout.write
    limit = MAX_LINE_BYTES
    out = bytearray()
    number = 0
    status = 0
    while True:
        raw = readline(limit + 2)
        if not raw:
            break
        number += 1
        try:
            if len(raw) > limit:
                if not raw.endswith(b"\n"):
                    _drain_line(stream)
                if len(raw.rstrip(b"\r\n")) > limit:
                    raise InputError("too_large", f"The line is longer than {limit} bytes.", "")
            if raw.isspace():
                raise InputError("invalid_json", "The line is blank.", "")
            out += handler(load_json(raw, limit + 2)).encode()
        except InputError as error:
            status = 2
            out += json.dumps({"error": error.to_dict()["error"], "line": number}).encode()
        out += b"\n"
        if len(out) >= OUTPUT_BUFFER:
            write(out)
            out.clear()
    write(out)
    stdout.flush()
    return status


def _drain_line(stream: IO[bytes]) -> None:
    """Skip the rest of an over-long line without holding it in memory."""
    while True:
        chunk = stream.readline(65536)
        if not chunk or chunk.endswith(b"\n"):
            return
