"""The catalogues are complete: every message of every app translated into
Spanish, Traditional and Simplified Chinese, none fuzzy, placeholders kept."""

from pathlib import Path

from coachready.core import catalogues

# The apps that show words to people; each keeps its own catalogue.
APPS = ["certs", "core", "crosscert", "heading", "imports", "notify", "org", "passes",
        "schoolyard", "site", "teams", "training"]


def test_every_app_that_speaks_has_a_catalogue_in_each_language():
    for app in APPS:
        for language in catalogues.REQUIRED:
            path = catalogues.PACKAGE_DIR / app / "locale" / language / "LC_MESSAGES" / "django.po"
            assert path.exists(), f"{app} has no {language} catalogue"


def test_the_project_templates_have_a_catalogue():
    assert any(Path(p).is_relative_to(catalogues.PACKAGE_DIR / "templates" / "locale") for p in catalogues.po_files())


def test_no_message_is_untranslated_fuzzy_or_broken():
    found = catalogues.problems()
    assert not found, f"{len(found)} catalogue problems:\n" + "\n".join(map(str, found[:60]))


def test_a_message_reads_the_same_in_every_app():
    found = catalogues.disagreements()
    assert not found, f"{len(found)} messages translated differently by different apps:\n" + "\n".join(
        map(str, found[:80]))


def test_the_placeholder_check_sees_a_dropped_name():
    assert catalogues._placeholders("Hello %(name)s, {count} left") == ["%(name)s", "{count}"]
