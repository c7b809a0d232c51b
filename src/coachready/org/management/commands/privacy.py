"""`coachready privacy export|erase --person EMAIL|VOLUNTEER_ID [--yes]`.

export prints one JSON document of everything held about the person; erase
removes it (only with --yes). A request that cannot be met exits 2 with the
contract's JSON error object on standard error and nothing on standard output.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder

from coachready.org.privacy import PrivacyError, erase_subject, export_subject, find_subject


class Command(BaseCommand):
    help = "Export or erase everything held about one person (a privacy request)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="print everything held about the person as JSON")
        export.add_argument("--person", required=True, metavar="EMAIL|VOLUNTEER_ID")
        erase = actions.add_parser("erase", help="erase everything held about the person")
        erase.add_argument("--person", required=True, metavar="EMAIL|VOLUNTEER_ID")
        erase.add_argument("--yes", action="store_true", help="confirm the erasure (it cannot be undone)")

    def handle(self, *args, action: str, person: str, yes: bool = False, **options) -> None:
        try:
            if action == "erase" and not yes:
                raise PrivacyError(
                    "confirmation_required", "Erasure cannot be undone: run it again with --yes to confirm.", "yes"
                )
            subject = find_subject(person)
            if action == "export":
                result = export_subject(subject)
            else:
                result = {"erased": True, "counts": erase_subject(subject)}
        except PrivacyError as error:
            sys.stderr.write(json.dumps(error.as_json()) + "\n")
            sys.exit(2)
        sys.stdout.write(json.dumps(result, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False) + "\n")
