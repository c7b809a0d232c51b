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
CHUNK_BYTES = 1 << 16  # input read per step; its answers are written before the next
OUTPUT_BYTES = 1 << 16  # output gathered per write

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

    Input is read in chunks of what is available (`read1`), and the answers
    to a chunk's lines are written before the next read: a file streams in
    constant memory, and a program feeding lines one at a time gets each
    answer before it sends the next. A blank line is an error too
    (`invalid_json`), so output line N always answers input line N.
    """
    read = getattr(stream, "read1", stream.read)
    write = stdout.write
    limit = MAX_LINE_BYTES
    out = bytearray()
    number = 0
    status = 0
    pending = b""
    skipping = False  # inside a line longer than the limit
    while True:
        chunk = read(CHUNK_BYTES)
        if not chunk:
            break
        lines = (pending + chunk if pending else chunk).split(b"\n")
        pending = lines.pop()
        for raw in lines:
            number += 1
            if skipping:
                skipping = False
                status = 2
                out += _line_error(_too_long(limit), number)
                continue
            try:
                out += handler(_document(raw, limit)).encode()
                out += b"\n"
            except InputError as error:
                status = 2
                out += _line_error(error, number)
            if len(out) >= OUTPUT_BYTES:
                # Small writes keep the buffer's memory reused, not remapped.
                write(out)
                out.clear()
        if len(pending) > limit + 1:
            # Too long already: drop it as it comes, report it when it ends.
            skipping = True
            pending = b""
        if out:
            write(out)
            stdout.flush()
            out.clear()
    if skipping or pending:
        number += 1
        try:
            if skipping:
                raise _too_long(limit)
            out += handler(_document(pending, limit)).encode()
            out += b"\n"
        except InputError as error:
            status = 2
            out += _line_error(error, number)
        write(out)
    stdout.flush()
    return status


def _document(raw: bytes, limit: int) -> Any:
    if len(raw) > limit and len(raw.rstrip(b"\r")) > limit:
        raise _too_long(limit)
    try:
        return load_json(raw, limit + 1)
    except InputError:
        if raw.isspace() or not raw:
            raise InputError("invalid_json", "The line is blank.", "") from None
        raise


def _too_long(limit: int) -> InputError:
    return InputError("too_large", f"The line is longer than {limit} bytes.", "")


def _line_error(error: InputError, number: int) -> bytes:
    return json.dumps({"error": error.to_dict()["error"], "line": number}).encode() + b"\n"
