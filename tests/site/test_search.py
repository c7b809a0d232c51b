"""Site search with whatever a visitor types: never a server error."""

import pytest

from coachready.site.views.search import search_text


@pytest.mark.parametrize("query", ['"', 'a"b', '"heading', "it's", "a\\b", "heading*",
                                   "NEAR(a b)", "AND", "OR heading", "-heading", "title:heading", "^heading",
                                   "(heading", "x" * 500])
def test_any_search_text_answers_a_page(client, site60, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["heading\x00", "\x00"])
def test_a_nul_in_the_search_is_a_bad_request(client, site60, query):
    assert client.get("/search/", {"q": query}).status_code == 400


def test_a_quote_inside_a_word_still_finds_the_word(client, site60):
    html = client.get("/search/", {"q": 'heading"'}).content.decode()
    assert "0 pages found" not in html


@pytest.mark.parametrize(("raw", "clean"), [('a"b', "a b"), ("a\x00b", "a b"), ("  two   words ", "two words"),
                                            ("x" * 150, "x" * 100)])
def test_search_text_drops_what_the_engine_cannot_read(raw, clean):
    assert search_text(raw) == clean
