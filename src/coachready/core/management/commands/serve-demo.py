"""`coachready serve-demo [ADDR:PORT]` (run by `make demo`): the web server
and the task worker side by side, so mail the demo queues reaches the
console within seconds. Ctrl-C (or SIGTERM) stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

# The console script's own entry point, started with this interpreter so it
# works from any virtual environment without looking up `coachready` on PATH.
_CLI = "import sys; from coachready.cli import main; sys.exit(main())"


class Command(BaseCommand):
    help = "Serve the demo: runserver and the task worker (db_worker) together; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options):
        # runserver's auto-reloader runs this command again in a child
        # process (RUN_MAIN=true): only the outer process owns the worker.
        if os.environ.get("RUN_MAIN") == "true":
            call_command("runserver", addrport)
            return
        # Started from a script or a background job, Ctrl-C may arrive
        # ignored and SIGTERM would end this process without its finally:
        # both must stop the pair.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _interrupt)
        worker = subprocess.Popen(
            [sys.executable, "-c", _CLI, "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.5"]
        )
        try:
            call_command("runserver", addrport)
        except KeyboardInterrupt:
            pass
        finally:
            stop(worker)


def _interrupt(signum, frame):  # noqa: ANN001
    raise KeyboardInterrupt


def stop(worker: subprocess.Popen, timeout: float = 10) -> None:
    """Ask the worker to finish its task and go; kill it if it will not."""
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
