"""The database's failures said plainly: /healthz tells the load balancer,
pages say "temporarily read-only" instead of a 500, commands end in one line."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess

import psycopg
import pytest
from django import db
from django.db import connection
from django.test import Client

from coachready.cli import main
from coachready.core.dbfailures import DISK_FULL, ERROR, READ_ONLY, UNREACHABLE, diagnose
from tests.factories import TEST_PASSWORD
from tests.serving import COACHREADY, ROOT, database_url_for_test_database, gunicorn, production_env

ON_POSTGRESQL = connection.vendor == "postgresql"


def _sqlite_error(message: str, code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


def _wrapped(driver: Exception) -> Exception:
    """As Django raises it: its own class, the driver's error as the cause."""
    try:
        try:
            raise driver
        except Exception as exc:
            raise db.OperationalError(*exc.args) from exc
    except db.OperationalError as wrapped:
        return wrapped


@pytest.mark.parametrize(
    ("driver", "kind", "reason"),
    [
        (_sqlite_error("attempt to write a readonly database", 8), READ_ONLY, "readonly database"),
        (_sqlite_error("database or disk is full", 13), DISK_FULL, "disk is full"),
        (_sqlite_error("unable to open database file", 14), UNREACHABLE, "unable to open"),
        (_sqlite_error("no such table: x", 1), ERROR, "no such table"),
        (psycopg.errors.ReadOnlySqlTransaction("cannot execute INSERT in a read-only transaction"),
         READ_ONLY, "read-only transaction"),
        (psycopg.errors.DiskFull('could not extend file "base/1/2": No space left on device'),
         DISK_FULL, "No space left"),
        (psycopg.OperationalError('connection failed: connection to server at "127.0.0.1", port 1 failed: '
                                  "Connection refused\n\tIs the server running on that host?"),
         UNREACHABLE, "Connection refused"),
        (psycopg.OperationalError("failed to resolve host 'db.invalid': [Errno -2] Name or service not known"),
         UNREACHABLE, "failed to resolve host 'db.invalid'"),
        (psycopg.errors.UndefinedTable('relation "x" does not exist'), ERROR, 'relation "x" does not exist'),
    ],
)
def test_each_failure_is_diagnosed_in_one_line(driver, kind, reason):
    failure = diagnose(_wrapped(driver))
    assert failure.kind == kind
    assert reason in failure.reason
    assert "\n" not in failure.line("DATABASE_URL=postgresql://db/coachready")


def test_an_error_that_is_not_the_database_is_not_diagnosed():
    assert diagnose(ValueError("no")) is None


@contextlib.contextmanager
def read_only_database():
    """The database refuses every write, as a read-only one does: PostgreSQL's
    default_transaction_read_only for this session, SQLite's query_only (the
    same SQLITE_READONLY as a read-only file; the suite may run as root, who
    can write to any file whatever its mode)."""
    on, off = (
        ("SET default_transaction_read_only = on", "SET default_transaction_read_only = off")
        if ON_POSTGRESQL else ("PRAGMA query_only = ON", "PRAGMA query_only = OFF")
    )
    with connection.cursor() as cursor:
        cursor.execute(on)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(off)


@pytest.mark.django_db
def test_healthz_is_ok_when_the_database_takes_writes_and_livez_never_asks(client):
    assert client.get("/healthz").content == b"ok"
    assert client.get("/livez").content == b"ok"


@pytest.mark.django_db(transaction=True)
def test_a_read_only_database_is_a_503_on_healthz_and_a_read_only_page_not_a_500(world):
    visitor = Client(raise_request_exception=False)
    with read_only_database():
        health = visitor.get("/healthz")
        livez = visitor.get("/livez")
        looking = visitor.get("/accounts/login/")
        signing_in = visitor.post("/accounts/login/", {"login": world.coach.email, "password": TEST_PASSWORD})
    assert health.status_code == 503
    assert "read-only" in health.content.decode()
    assert livez.status_code == 200
    assert looking.status_code == 200
    assert signing_in.status_code == 503
    assert "temporarily read-only" in signing_in.content.decode()
    assert signing_in["Retry-After"]
    # Writes work again once the database does.
    assert visitor.get("/healthz").status_code == 200


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(ON_POSTGRESQL, reason="SQLite's page limit stands in for a full disk")
def test_a_full_sqlite_database_is_a_503_on_healthz():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA page_count")
        (pages,) = cursor.fetchone()
        cursor.execute("PRAGMA freelist_count")
        (free,) = cursor.fetchone()
        cursor.execute(f"PRAGMA max_page_count = {pages}")
    try:
        if free:
            pytest.skip("the database has free pages left, so it is not full")
        health = Client().get("/healthz")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA max_page_count = 1073741823")
    assert health.status_code == 503
    assert "full" in health.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_command_caught_by_a_database_failure_ends_in_one_line(capsys):
    with read_only_database():
        status = main(["clearsessions"])
    assert status == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("coachready: the database is read-only (DATABASE_URL")


def _command_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "COACHREADY_TESTING"}}
    env.update(DATABASE_URL=database_url, DEBUG="true")
    return env


@pytest.mark.parametrize(
    ("database_url", "reason"),
    [
        ("postgresql://postgres@127.0.0.1:1/coachready", "Connection refused"),
        ("postgresql://postgres@db.invalid:5432/coachready", "failed to resolve host"),
        ("sqlite:////nonexistent-folder/coachready.sqlite3", "unable to open database file"),
    ],
)
def test_an_unreachable_database_url_is_one_line_naming_it(database_url, reason):
    done = subprocess.run([str(COACHREADY), "migrate", "--noinput"], env=_command_env(database_url), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "cannot connect to the database" in lines[0]
    assert "DATABASE_URL=" in lines[0] and reason in lines[0]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="a database server restart is a PostgreSQL matter")
@pytest.mark.django_db(transaction=True)
def test_a_database_restart_costs_no_request(tmp_path):
    """Every server connection is killed, as a restart does. The worker keeps
    its connection between requests, so it now holds a dead one; the health
    check on reuse replaces it and the very next request succeeds (without
    the check, that request fails: /healthz would answer 503)."""
    env = production_env(tmp_path, database_url_for_test_database(tmp_path))
    with gunicorn(env, tmp_path / "gunicorn.log", workers=1) as server:
        for _ in range(3):
            assert server.get("/healthz").status == 200, server.output()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            (killed,) = cursor.fetchone()
        assert killed >= 1  # the worker's kept connection
        answers = [server.get("/healthz") for _ in range(4)]
    assert [a.status for a in answers] == [200] * 4, [a.text for a in answers]
