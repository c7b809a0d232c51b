"""Every page carries the browser policies: a Content-Security-Policy with no
inline script, a Permissions-Policy and a Referrer-Policy. Only Wagtail's
editing interface is allowed inline script and style."""

from __future__ import annotations

import pytest


def directives(response) -> dict[str, set[str]]:
    parts = (p.strip().split() for p in response["Content-Security-Policy"].split(";") if p.strip())
    return {p[0]: set(p[1:]) for p in parts}


@pytest.mark.parametrize(("path", "persona"), [
    ("/", None),
    ("/accounts/login/", None),
    ("/volunteer/", None),
    ("/this-page-does-not-exist/", None),
    ("/my/", "coach"),
    ("/dashboard/", "rca"),
])
def test_every_page_has_the_strict_policies(world, login, path, persona):
    response = login(getattr(world, persona) if persona else None).get(path)
    policy = directives(response)
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["default-src"] == {"'self'"}
    assert "'unsafe-inline'" not in str(policy) and "'unsafe-eval'" not in str(policy)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


def test_only_the_cms_may_run_inline_script(db, client):
    response = client.get("/cms/login/")
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"] and "'unsafe-inline'" in policy["style-src"]
    assert "Permissions-Policy" in response
