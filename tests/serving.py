"""Serve the product the way it is deployed: gunicorn in a subprocess,
production settings, a free port, and every wait bounded.

The listening socket is opened here and handed to gunicorn (`fd://`), so no
other process can take the port between choosing it and serving on it, and
requests made while workers boot simply queue. COACHREADY_TEST_PORTS=LOW-HIGH
keeps the servers inside a range of ports; otherwise the kernel picks one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
COACHREADY = Path(sys.executable).parent / "coachready"
# Long enough for three workers to import Django and Wagtail on a busy CI box.
BOOT_SECONDS = 120
REQUEST_SECONDS = 60
STOP_SECONDS = 20
PRODUCTION_SECRET = "smoke-test-secret-" + "x" * 50

# Variables of the test run that must not leak into a production process.
_TEST_ONLY = {"DEBUG", "DATABASE_URL", "COACHREADY_TESTING", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_env(var_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _TEST_ONLY}
    env.update(
        DEBUG="false",
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        EMAIL_URL="locmem:",
        COACHREADY_VAR_DIR=str(var_dir),
        STATIC_ROOT=str(var_dir / "static"),
        MEDIA_ROOT=str(var_dir / "media"),
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def database_url_for_test_database(tmp_path: Path) -> str:
    """A DATABASE_URL another process can open holding what this test's
    database holds now: the PostgreSQL test database itself, or a file copy
    of SQLite's in-memory one (data must be committed: transaction=True)."""
    config = connection.settings_dict
    if connection.vendor == "postgresql":
        user = f"{config['USER']}@" if config["USER"] else ""
        return f"postgresql://{user}{config['HOST'] or 'localhost'}:{config['PORT'] or 5432}/{config['NAME']}"
    path = tmp_path / "coachready.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return f"sqlite:///{path}"


def listening_socket() -> socket.socket:
    span = os.environ.get("COACHREADY_TEST_PORTS", "").strip()
    if span:
        low, _, high = span.partition("-")
        ports = range(int(low), int(high or low) + 1)
    else:
        ports = range(0, 1)
    for port in ports:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        sock.listen(64)
        sock.set_inheritable(True)
        return sock
    raise RuntimeError(f"no free port in COACHREADY_TEST_PORTS={span}")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def get(self, path: str, timeout: float = REQUEST_SECONDS) -> Response:
        request = urllib.request.Request(self.url + path, headers={"Host": "127.0.0.1"})
        try:
            with _opener.open(request, timeout=timeout) as answer:
                return Response(answer.status, dict(answer.headers), answer.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as answer:
            return Response(answer.code, dict(answer.headers), answer.read().decode("utf-8", "replace"))

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def run_command(env: dict[str, str], *args: str, timeout: float = 300) -> None:
    done = subprocess.run([str(COACHREADY), *args], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, done.stdout + done.stderr


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: Path, *, workers: int = 3):
    """Serve with gunicorn until the block ends; the first request waits
    (bounded) for a worker to boot."""
    sock = listening_socket()
    port = sock.getsockname()[1]
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(GUNICORN), "coachready.config.wsgi", "--bind", f"fd://{sock.fileno()}",
             "--workers", str(workers), "--timeout", "60", "--graceful-timeout", "5"],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, pass_fds=(sock.fileno(),),
            start_new_session=True,
        )
    sock.close()  # gunicorn holds it now
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        try:
            livez = server.get("/livez", timeout=BOOT_SECONDS)
        except OSError as exc:
            raise AssertionError(f"gunicorn did not answer ({exc}):\n{server.output()}") from None
        assert livez.status == 200, server.output()
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_SECONDS)
