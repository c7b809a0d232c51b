"""The database's failures, said in one line an operator can act on.

Django wraps each driver error (psycopg, sqlite3) in its own exception and
keeps the driver's as `__cause__`; the driver's error carries the precise
cause (PostgreSQL's SQLSTATE, SQLite's result code). `diagnose()` turns that
into a kind the product reacts to and a one-line reason:

- unreachable: no connection (refused, unknown host, no such database),
- read_only:   the database refuses writes (PostgreSQL
               default_transaction_read_only or a standby, a read-only file),
- disk_full:   the database cannot grow,
- error:       any other database error.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

UNREACHABLE = "unreachable"
READ_ONLY = "read_only"
DISK_FULL = "disk_full"
ERROR = "error"

# PostgreSQL SQLSTATEs (Appendix A of its manual).
_PG_READ_ONLY = {"25006"}  # read_only_sql_transaction
_PG_DISK_FULL = {"53100", "53000"}  # disk_full, insufficient_resources
_PG_CANNOT_CONNECT = {"08001", "08004", "08006", "3D000", "28000", "28P01", "57P03"}
# SQLite primary result codes (the low byte of the extended code).
_SQLITE_READONLY = 8
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14

_HEADLINES = {
    UNREACHABLE: "cannot connect to the database",
    READ_ONLY: "the database is read-only",
    DISK_FULL: "the database is full",
    ERROR: "database error",
}


@dataclass(frozen=True)
class DatabaseFailure:
    kind: str
    reason: str

    @property
    def headline(self) -> str:
        return _HEADLINES[self.kind]

    def line(self, where: str) -> str:
        """One line for a terminal or a log: what failed, where, and why."""
        return f"coachready: {self.headline} ({where}): {self.reason}"


def _driver_error(exc: BaseException) -> BaseException:
    seen = exc
    while seen.__cause__ is not None and seen.__cause__ is not seen:
        seen = seen.__cause__
    return seen


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "no reason given"


def _connection_reason(text: str) -> str:
    # psycopg says 'connection failed: connection to server at "h", port 1
    # failed: Connection refused'; the part after the last "failed:" is the why.
    line = _first_line(text)
    if "failed: " in line and line.startswith(("connection failed", "connection to server")):
        line = line.rsplit("failed: ", 1)[1]
    return re.sub(r"^FATAL:\s+", "", re.sub(r"\s+", " ", line))


def diagnose(exc: BaseException) -> DatabaseFailure | None:
    """What kind of database failure `exc` is, or None when it is not one."""
    from django.db import Error as DjangoDatabaseError

    driver = _driver_error(exc)
    if isinstance(driver, sqlite3.Error):
        code = (getattr(driver, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(driver)
        if code == _SQLITE_READONLY or "readonly database" in text:
            return DatabaseFailure(READ_ONLY, text)
        if code == _SQLITE_FULL or "database or disk is full" in text:
            return DatabaseFailure(DISK_FULL, text)
        if code == _SQLITE_CANTOPEN or "unable to open database file" in text:
            return DatabaseFailure(UNREACHABLE, text)
        return DatabaseFailure(ERROR, _first_line(text))
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        psycopg = None
    if psycopg is not None and isinstance(driver, psycopg.Error):
        sqlstate = getattr(driver, "sqlstate", None)
        text = str(driver)
        if sqlstate in _PG_READ_ONLY:
            return DatabaseFailure(READ_ONLY, _first_line(text))
        if sqlstate in _PG_DISK_FULL:
            return DatabaseFailure(DISK_FULL, _first_line(text))
        if sqlstate in _PG_CANNOT_CONNECT or (
            sqlstate is None
            and isinstance(driver, psycopg.OperationalError)
            and text.startswith(("connection failed", "connection to server", "failed to resolve host"))
        ):
            return DatabaseFailure(UNREACHABLE, _connection_reason(text))
        return DatabaseFailure(ERROR, _first_line(text))
    if isinstance(exc, DjangoDatabaseError):
        return DatabaseFailure(ERROR, _first_line(str(exc)) if str(exc) else type(exc).__name__)
    return None


def describe_database(alias: str = "default") -> str:
    """Which database, as DATABASE_URL names it but without the password."""
    import os

    from django.conf import settings

    config = settings.DATABASES[alias]
    if "sqlite" in config["ENGINE"]:
        if not os.environ.get("DATABASE_URL", "").strip():
            return f"DATABASE_URL is not set: SQLite file {config['NAME']}"
        return f"DATABASE_URL=sqlite:///{config['NAME']}"
    user = f"{config['USER']}@" if config.get("USER") else ""
    port = f":{config['PORT']}" if config.get("PORT") else ""
    return f"DATABASE_URL=postgresql://{user}{config.get('HOST') or 'localhost'}{port}/{config['NAME']}"


_PROBE_BYTES = 12_288


def probe(alias: str = "default") -> DatabaseFailure | None:
    """Can this process read and write its database? None when it can.

    A row goes into the session table inside a transaction that is rolled
    back: it proves a connection, a write transaction and a write, costs one
    round trip more than a SELECT, and leaves nothing behind. The key is
    random so simultaneous probes never wait on each other's unique key. The
    row is a few pages long, so a database that cannot grow by that much
    (SQLite at its size limit or on a full disk) fails the probe too.
    """
    import secrets
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.db import Error, transaction
    from django.utils import timezone

    try:
        with transaction.atomic(using=alias):
            Session.objects.using(alias).create(
                session_key=f"healthz-{secrets.token_hex(8)}",
                session_data=secrets.token_urlsafe(_PROBE_BYTES),
                expire_date=timezone.now() - timedelta(days=1),
            )
            transaction.set_rollback(True, using=alias)
    except Error as exc:
        return diagnose(exc)
    return None


def report_at_startup(stream=None) -> DatabaseFailure | None:
    """A web worker's first words when its database cannot be reached: one
    line naming DATABASE_URL and the reason. The worker serves anyway (its
    /healthz answers 503), so it recovers by itself when the database is back."""
    import sys

    from django.db import Error, connection

    try:
        connection.ensure_connection()
    except Error as exc:
        failure = diagnose(exc)
        if failure is not None:
            (stream or sys.stderr).write(failure.line(describe_database()) + "\n")
        return failure
    finally:
        connection.close()
    return None
