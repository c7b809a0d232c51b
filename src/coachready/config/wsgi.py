"""WSGI entry point for gunicorn: `gunicorn coachready.config.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coachready.config.settings")
application = get_wsgi_application()

from coachready.core.dbfailures import report_at_startup  # noqa: E402 (needs Django set up)

report_at_startup()
