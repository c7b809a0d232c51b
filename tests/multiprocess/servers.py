"""Web servers started the way production runs them (gunicorn, DEBUG off),
and a minimal client that keeps its own cookies (the session cookie is
marked Secure, which a standard cookie jar would not send over plain HTTP)."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
WAIT_SECONDS = 60


def _no_control_socket() -> list[str]:
    # Newer gunicorn opens a control socket at one fixed path per user; two
    # servers side by side would fight over it, and no test needs it.
    from gunicorn.config import KNOWN_SETTINGS

    return ["--no-control-socket"] if any(s.name == "control_socket_disable" for s in KNOWN_SETTINGS) else []


_NO_CONTROL_SOCKET = _no_control_socket()


def production_env(database_url: str, cache_url: str, var_dir: Path) -> dict[str, str]:
    drop = {"COACHREADY_TESTING", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "TRUSTED_PROXIES"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        DEBUG="false",
        SECRET_KEY="multi-process-test-secret-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_URL="locmem:",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        SECURE_SSL_REDIRECT="false",
        COACHREADY_VAR_DIR=str(var_dir),
        STATIC_ROOT=str(var_dir / "static"),
        MEDIA_ROOT=str(var_dir / "media"),
        DJANGO_SETTINGS_MODULE="coachready.config.settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    )
    return env


def run(env: dict[str, str], *args: str, timeout: int = 600) -> str:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def free_port() -> int:
    """A free port, from COACHREADY_TEST_PORT_BASE upwards when set (shared machines give each a range)."""
    base = int(os.environ.get("COACHREADY_TEST_PORT_BASE", "0"))
    for port in range(base, base + 50) if base else [0]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port from {base}")


class Server:
    """gunicorn serving CoachReady on one port; its access log names the worker of each request."""

    def __init__(self, env: dict[str, str], var_dir: Path, name: str, workers: int = 1):
        self.port = free_port()
        self.log = var_dir / f"{name}-access.log"
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "coachready.config.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--timeout", "60", "--access-logfile", str(self.log),
             "--access-logformat", "%(p)s %(U)s?%(q)s %(s)s", "--error-logfile", str(var_dir / f"{name}-error.log"),
             *_NO_CONTROL_SOCKET],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            assert self.process.poll() is None, f"gunicorn {name} stopped: see {var_dir / f'{name}-error.log'}"
            try:
                if Client().get(self, "/healthz").status == 200:
                    return
            except OSError:
                pass
            assert time.monotonic() < deadline, f"gunicorn {name} did not answer within {WAIT_SECONDS}s"
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=WAIT_SECONDS)

    def workers_of(self, marker: str) -> dict[str, int]:
        """How many requests whose URL contains `marker` each worker (pid) served."""
        counts: dict[str, int] = {}
        for line in self.log.read_text().splitlines():
            pid, url, _status = line.split(" ")
            if marker in url:
                counts[pid] = counts.get(pid, 0) + 1
        return counts


class Response:
    def __init__(self, status: int, location: str, text: str):
        self.status, self.location, self.text = status, location, text


class Client:
    def __init__(self, cookies: dict[str, str] | None = None):
        self.cookies = dict(cookies or {})

    def get(self, server: Server, path: str) -> Response:
        return self.request(server, "GET", path)

    def post(self, server: Server, path: str, data: dict[str, str] | None = None) -> Response:
        return self.request(server, "POST", path, data or {})

    def request(self, server: Server, method: str, path: str, data: dict[str, str] | None = None) -> Response:
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT_SECONDS)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    self._keep(value)
            return Response(response.status, response.getheader("Location", ""), text)
        finally:
            connection.close()

    def _keep(self, header: str) -> None:
        for name, morsel in SimpleCookie(header).items():
            if morsel.value == "" or morsel["max-age"] == "0":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value
