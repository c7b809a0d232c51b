"""The icon, for documents that name none."""

from __future__ import annotations


def test_the_favicon_is_found_where_browsers_look_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("coachready/favicon.svg")
