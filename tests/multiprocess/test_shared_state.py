"""Two web servers, one database, one cache: what happens on one is seen by
the other at once. And three workers of one server all refuse a cookie that
was signed out.

These start real gunicorn processes in production mode on PostgreSQL and
Redis, so they run only when both are named:
COACHREADY_MULTIPROCESS_DATABASE_URL (a PostgreSQL database the test empties
and migrates) and COACHREADY_MULTIPROCESS_CACHE_URL (redis://host:port/db,
flushed). `.ci/run` gives both in its PostgreSQL pass.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.factories import TEST_PASSWORD, totp_code
from tests.multiprocess.servers import BIN, WAIT_SECONDS, Client, Server, production_env, run

DATABASE_URL = os.environ.get("COACHREADY_MULTIPROCESS_DATABASE_URL", "")
CACHE_URL = os.environ.get("COACHREADY_MULTIPROCESS_CACHE_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith(("postgres://", "postgresql://")) and CACHE_URL.startswith("redis://")),
    reason="needs COACHREADY_MULTIPROCESS_DATABASE_URL (PostgreSQL) and COACHREADY_MULTIPROCESS_CACHE_URL (Redis): "
    "several processes cannot share SQLite and local memory the way production shares its database and cache",
)

READINESS = "/region/60/readiness/"
MISSING = "<strong>Safe Haven</strong>: Missing"


def _empty(database_url: str, cache_url: str) -> None:
    import psycopg
    import redis

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    redis.Redis.from_url(cache_url).flushdb()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """The database emptied and migrated, static files collected, people and
    pages made: what `make install` and an operator would do."""
    var_dir = tmp_path_factory.mktemp("deployment")
    env = production_env(DATABASE_URL, CACHE_URL, var_dir)
    _empty(DATABASE_URL, CACHE_URL)
    run(env, str(BIN / "coachready"), "migrate", "--noinput")
    run(env, str(BIN / "coachready"), "collectstatic", "--noinput")
    people = json.loads(run(env, sys.executable, "-m", "tests.multiprocess.actions", "seed").splitlines()[-1])
    return env, var_dir, people


@pytest.fixture(scope="module")
def two_servers(deployment):
    env, var_dir, _people = deployment
    a = Server(env, var_dir, "a")
    try:
        b = Server(env, var_dir, "b")
    except BaseException:
        a.stop()
        raise
    yield a, b
    a.stop()
    b.stop()


def sign_in(server, email, *, secret=None) -> Client:
    client = Client()
    client.get(server, "/accounts/login/")
    response = client.post(server, "/accounts/login/", {"login": email, "password": TEST_PASSWORD})
    if secret is not None:
        assert response.location.startswith("/accounts/2fa/authenticate/"), response.location
        response = client.post(server, "/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status == 302 and "/accounts/" not in response.location, response.status
    return client


def _refused(response) -> bool:
    return response.status == 302 and response.location.startswith("/accounts/login/")


def test_signing_out_on_one_server_ends_the_session_on_the_other(two_servers, deployment):
    a, b = two_servers
    coach = sign_in(a, deployment[2]["coach"])
    assert coach.get(b, "/my/").status == 200  # one session, both servers
    cookie = dict(coach.cookies)
    assert coach.post(b, "/accounts/logout/").status == 302
    old = Client(cookie)
    assert _refused(old.get(a, "/my/")) and _refused(old.get(b, "/my/"))


def test_a_record_verified_on_one_server_shows_on_the_other_s_dashboard_at_once(two_servers, deployment):
    a, b = two_servers
    people = deployment[2]
    admin = sign_in(a, people["admin"], secret=people["admin_secret"])
    assert MISSING in admin.get(b, READINESS).text
    assert MISSING in admin.get(b, READINESS).text  # now from the cache
    admin.get(a, "/region/60/verify/")
    approved = admin.post(a, f"/region/60/verify/{people['pending_record']}/approve/")
    assert approved.status == 302
    assert MISSING not in admin.get(b, READINESS).text


def test_a_page_published_from_elsewhere_is_served_by_both(two_servers, deployment):
    a, b = two_servers
    env = deployment[0]
    visitor = Client()
    before = visitor.get(b, "/")
    assert before.status == 200
    heading = f"Welcome to the {uuid.uuid4().hex[:8]} season"
    run(env, sys.executable, "-m", "tests.multiprocess.actions", "publish", heading)
    assert heading not in before.text
    assert heading in visitor.get(b, "/").text and heading in visitor.get(a, "/").text


def test_failed_sign_ins_are_counted_across_servers(two_servers, deployment):
    a, b = two_servers
    email = deployment[2]["locked"]
    visitor = Client()
    visitor.get(a, "/accounts/login/")
    # Production allows five wrong passwords per account in five minutes:
    # three on A and two on B are five, though neither saw five.
    for server in (a, b, a, b, a):
        response = visitor.post(server, "/accounts/login/", {"login": email, "password": "wrong-password"})
        assert response.status == 200 and "Too many" not in response.text
    refused = visitor.post(b, "/accounts/login/", {"login": email, "password": TEST_PASSWORD})
    assert refused.status == 200 and "Too many failed login attempts" in refused.text


def test_three_workers_all_refuse_a_signed_out_cookie_every_time(deployment):
    env, var_dir, people = deployment
    server = Server(env, var_dir, "three", workers=3)
    try:
        coach = sign_in(server, people["coach"])
        cookie = dict(coach.cookies)

        def probe(marker: str, n: int):
            return Client(cookie).get(server, f"/my/?{marker}={n}")

        # Every worker reads the session first (the old per-worker cache kept it after sign-out).
        _until_every_worker(server, "warm", lambda n: probe("warm", n), lambda r: r.status == 200)
        assert coach.post(server, "/accounts/logout/").status == 302
        _until_every_worker(server, "after", lambda n: probe("after", n), _refused)
    finally:
        server.stop()


def _until_every_worker(server, marker, request, expected, *, each=5) -> None:
    """Send requests in parallel until each of the server's workers has
    answered `each` of them; every answer must be as `expected`."""
    deadline = time.monotonic() + WAIT_SECONDS
    sent = 0
    with ThreadPoolExecutor(max_workers=6) as pool:
        while True:
            responses = list(pool.map(request, range(sent, sent + 12)))
            sent += 12
            assert all(expected(r) for r in responses), [(r.status, r.location) for r in responses]
            served = server.workers_of(f"{marker}=")
            if len(served) == 3 and min(served.values()) >= each:
                return
            assert time.monotonic() < deadline, f"not every worker answered within {WAIT_SECONDS}s: {served}"
