"""Web: gunicorn with two workers on 127.0.0.1 in production mode.

- Latency, one client, sequential (always): the median time of the health
  endpoint (the framework's floor), an anonymous visitor's public page (from
  the page cache, and live for comparison) and the coach checklist.
- Throughput (where wrk is installed): wrk for 20 s at 16 connections against
  the floor, the coach checklist and the region readiness dashboard."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import time

from harness import VENV_BIN, Database, Result

DURATION = "20s"
CONNECTIONS = "16"
# Sequential requests per page; the first WARMUP of them are not counted
# (they fill both workers' caches and connection pools).
REQUESTS = 200
WARMUP = 20
PUBLIC_PAGE = "/become-a-coach/"  # a live page: the region's policy rendered


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _check(url: str, cookie: str) -> None:
    """The page must answer 200 itself: a redirect to the sign-in page would
    measure the wrong thing at a flattering speed."""
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"} if cookie else {})
    try:
        status = urllib.request.build_opener(NoRedirect).open(request, timeout=30).status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != 200:
        raise RuntimeError(f"{url} answered {status}, not 200")


def _wrk(url: str, cookie: str = "") -> tuple[float, float, float]:
    _check(url, cookie)
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--latency", url]
    if cookie:
        args[1:1] = ["-H", f"Cookie: sessionid={cookie}"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=120).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(label: str) -> float:
        match = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise RuntimeError(f"{url}: {non2xx.group(1)} error responses under load")
    return rps, pct("50"), pct("99")


def _median_ms(port: int, path: str, cookie: str = "") -> float:
    """The median time of one GET from a fresh connection to the full body,
    one request after the other."""
    headers = {"Host": f"127.0.0.1:{port}"}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"
    times = []
    for i in range(WARMUP + REQUESTS):
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        conn.close()
        elapsed = time.perf_counter() - started
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}, not 200")
        if i >= WARMUP:
            times.append(elapsed * 1000)
    return statistics.median(times)


def _latency(db: Database, port: int, login: dict) -> list[Result]:
    floor = _median_ms(port, "/healthz")
    results = [Result("web latency: health endpoint (floor), one client", db.label, floor, "ms")]
    for name, path, cookie, limit in (
        (f"web latency: public page {PUBLIC_PAGE}, anonymous (page cache)", PUBLIC_PAGE, "", 3),
        (f"web latency: public page {PUBLIC_PAGE}, anonymous, live (query string)", PUBLIC_PAGE + "?live=1", "",
         None),
        ("web latency: coach checklist /my/", login["checklist_path"], login["coach_session"], 15),
    ):
        value = _median_ms(port, path, cookie)
        results.append(
            Result(
                name,
                db.label,
                value,
                "ms",
                f"≤ {limit}x floor" if limit else "",
                value / floor,
                value / floor <= limit if limit else None,
            )
        )
    return results


def _throughput(db: Database, base: str, login: dict) -> list[Result]:
    results = []
    floor_rps, p50, p99 = _wrk(f"{base}/healthz")
    results.append(
        Result(
            "web: health endpoint (floor)",
            db.label,
            floor_rps,
            "req/s",
            note=f"p50 {p50:.1f} ms, p99 {p99:.1f} ms",
        )
    )
    for name, path, cookie in (
        ("web: coach checklist", login["checklist_path"], login["coach_session"]),
        ("web: readiness dashboard", login["dashboard_path"], login["admin_session"]),
    ):
        rps, p50, p99 = _wrk(base + path, cookie)
        met = None
        target = ""
        if "dashboard" in name:
            target = "≥ 25% of floor, p99 < 250 ms"
            met = rps / floor_rps >= 0.25 and p99 < 250
        results.append(
            Result(
                name,
                db.label,
                rps,
                "req/s",
                target,
                rps / floor_rps,
                met,
                note=f"p50 {p50:.1f} ms, p99 {p99:.1f} ms",
            )
        )
    return results


def run(db: Database, region_number: int) -> list[Result]:
    login = db.inproc("session", str(region_number))
    # The region's public site, answering for the address the server runs on.
    db.run("create-region-site", "--region", str(region_number), "--hostname", "127.0.0.1", "--default")
    port = int(os.environ.get("BENCH_PORT") or 0) or _free_port()
    env = dict(
        db.env,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_URL="locmem:",
        COACHREADY_MFA_REQUIRED="true",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
    )
    # Production mode serves hashed static files from a manifest that
    # collectstatic writes, as a real deployment would.
    subprocess.run([str(VENV_BIN / "coachready"), "collectstatic", "--noinput", "-v0"], env=env, check=True,
                   capture_output=True, timeout=300)
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "coachready.config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--graceful-timeout",
            "5",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        results = _latency(db, port, login)
        if shutil.which("wrk") is None:
            results.append(
                Result("web throughput", db.label, 0, "", note="skipped: wrk is not installed (apt-get install wrk)")
            )
        else:
            results.extend(_throughput(db, base, login))
        return results
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
