"""The product served as it is deployed: gunicorn with three workers,
DEBUG off, a 50+ character secret, collected and hashed static files."""

from __future__ import annotations

import re

import pytest

from coachready.site.services.tree import create_region_site
from tests.serving import database_url_for_test_database, gunicorn, production_env, run_command


@pytest.mark.django_db(transaction=True)
def test_production_mode_serves_pages_static_files_and_error_pages(world, tmp_path):
    create_region_site(world.region, hostname="localhost", port=80, default=True)
    env = production_env(tmp_path, database_url_for_test_database(tmp_path),
                         DJANGO_SETTINGS_MODULE="tests.serving_settings")
    run_command(env, "collectstatic", "--noinput")

    with gunicorn(env, tmp_path / "gunicorn.log", workers=3) as server:
        home = server.get("/")
        assert home.status == 200, server.output()
        assert "World class youth soccer programs" in home.text

        sign_in = server.get("/accounts/login/")
        assert sign_in.status == 200
        assert 'name="password"' in sign_in.text

        # The stylesheet under its hashed name, as the manifest storage writes it.
        stylesheet = re.search(r'href="(/static/coachready/site\.[0-9a-f]{12}\.css)"', home.text)
        assert stylesheet, "the home page links no hashed stylesheet"
        css = server.get(stylesheet.group(1))
        assert css.status == 200
        assert css.headers["Content-Type"].startswith("text/css")

        missing = server.get("/no-such-page/")
        assert missing.status == 404
        assert "We could not find that page" in missing.text

        failure = server.get("/smoke-test/server-error/")
        assert failure.status == 500
        assert "Something went wrong on our side" in failure.text
        assert "Traceback" not in failure.text and "DeliberateFailure" not in failure.text

        assert server.get("/healthz").text == "ok"
    assert "DeliberateFailure" in server.output()  # logged for the operator
