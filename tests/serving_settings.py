"""Production settings plus one URL that fails on purpose, so the smoke
test sees the real 500 page as a visitor would. Only tests use this module."""

from coachready.config.settings import *  # noqa: F403

ROOT_URLCONF = "tests.serving_urls"
