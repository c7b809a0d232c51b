"""Load the demo region once: `coachready load-demo` (run by `make demo`)."""

from django.core.management.base import BaseCommand

from coachready.core.demo import DEMO_PASSWORD, is_loaded, load_demo

LOGINS = (
    ("coach", "coach@example.org"), ("regional coach administrator", "rca@example.org"),
    ("regional commissioner", "rc@example.org"), ("safety advocate", "safety@example.org"),
    ("instructor", "instructor@example.org"), ("referee", "referee@example.org"),
    ("area coach administrator", "area@example.org"), ("section coach administrator", "section@example.org"),
    ("national coach", "national@example.org"), ("Region 61 coach administrator", "other-rca@example.org"),
    ("site superuser", "admin@example.org"),
)


class Command(BaseCommand):
    help = "Load the Region 60 demo (synthetic volunteers, teams and events) unless it is already loaded."

    def add_arguments(self, parser):
        parser.add_argument("--volunteers", type=int, default=300)

    def handle(self, *args, volunteers: int, **options):
        if volunteers < 0 or volunteers > 20_000:
            self.stderr.write("--volunteers must be between 0 and 20000")
            raise SystemExit(2)
        if is_loaded():
            self.stdout.write("The demo region is already loaded.")
        else:
            load_demo(volunteers=volunteers)
            self.stdout.write(self.style.SUCCESS("Loaded the Region 60 demo."))
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for label, email in LOGINS:
            self.stdout.write(f"  {label:<32} {email}")
