"""Settings for the test suite: the normal settings with COACHREADY_TESTING
on (locmem email, immediate tasks, a fast password hasher)."""

import os

os.environ["COACHREADY_TESTING"] = "1"
os.environ.setdefault("DEBUG", "true")

from coachready.config.settings import *  # noqa: E402,F403
