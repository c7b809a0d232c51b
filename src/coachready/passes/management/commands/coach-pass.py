"""`coachready coach-pass issue|verify|revoke`.

- `issue --person EMAIL|VOLUNTEER_ID` prints the pass text on one line,
  exactly what its QR code holds.
- `verify TEXT [--as-of YYYY-MM-DD]` prints {"valid", "reasons", "name",
  "volunteer_id", "region", "cleared", "valid_through"}, checked against this
  installation's keys and revocation list; exit 0 whether valid or not.
- `revoke --person EMAIL|VOLUNTEER_ID --reason TEXT` revokes every pass of
  the person that could still be valid and prints the pass ids revoked.
- `rotate-key --region N` retires the region's signing key (still published
  while passes it signed can be valid) and makes a new one.

A request that cannot be met (an unknown person, one not cleared, text that
is not a pass at all, a bad date) exits 2 with the contract's JSON error
object on standard error and nothing on standard output.
"""

from __future__ import annotations

import json
import sys
from datetime import date

from django.core.management.base import BaseCommand

from coachready.org.privacy import PrivacyError, find_subject
from coachready.passes import codec, services

VERIFY_KEYS = ("valid", "reasons", "name", "volunteer_id", "region", "cleared", "valid_through")


class PassCommandError(PrivacyError):
    """Same error object as the privacy command's."""


def _person(key: str):  # noqa: ANN202
    subject = find_subject(key)
    if subject.person is None:
        raise PassCommandError("not_found", f"No volunteer is known by {key!r}.")
    return subject.person


class Command(BaseCommand):
    help = "Issue, verify or revoke a Coach Pass."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        actions = parser.add_subparsers(dest="action", required=True)
        issue = actions.add_parser("issue", help="print the person's pass text (what its QR code holds)")
        issue.add_argument("--person", required=True, metavar="EMAIL|VOLUNTEER_ID")
        verify = actions.add_parser("verify", help="check a pass text with this installation's keys")
        verify.add_argument("text", metavar="TEXT")
        verify.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="the day to check on; default today")
        revoke = actions.add_parser("revoke", help="revoke every pass of the person that could still be valid")
        revoke.add_argument("--person", required=True, metavar="EMAIL|VOLUNTEER_ID")
        revoke.add_argument("--reason", required=True, metavar="TEXT")
        rotate = actions.add_parser("rotate-key", help="retire the region's signing key and make a new one")
        rotate.add_argument("--region", required=True, metavar="N")

    def handle(self, *args, action: str, **options) -> None:
        try:
            result = getattr(self, "_" + action.replace("-", "_"))(**options)
        except PrivacyError as error:
            sys.stderr.write(json.dumps(error.as_json(), ensure_ascii=False) + "\n")
            sys.exit(2)
        sys.stdout.write(result + "\n")

    def _issue(self, person: str, **options) -> str:
        found = _person(person)
        try:
            return services.issue(found).text
        except services.PassRefused as refused:
            clearance = refused.clearance
            why = [clearance.blocked_reason] if clearance.blocked_reason else []
            why += [f"{n.division} {n.role_title}: {', '.join(n.unmet) or 'not cleared'}"
                    for n in clearance.not_cleared]
            raise PassCommandError(
                "not_cleared",
                f"{found.display_name} is not cleared to coach"
                + (f" ({'; '.join(why)})." if why else ": no coaching role with a division this season."),
            ) from None

    def _verify(self, text: str, as_of: str | None, **options) -> str:
        day = None
        if as_of:
            try:
                day = date.fromisoformat(as_of)
            except ValueError:
                raise PassCommandError("invalid_date", f"--as-of must be a date as YYYY-MM-DD, not {as_of!r}.",
                                       "as_of") from None
        try:
            result = services.verify_here(text, as_of=day)
        except codec.NotAPass as exc:
            raise PassCommandError("not_a_pass", str(exc), "text") from None
        return json.dumps({key: result[key] for key in VERIFY_KEYS}, ensure_ascii=False)

    def _rotate_key(self, region: str, **options) -> str:
        from coachready.org.models import Region
        from coachready.passes import keys

        found = Region.objects.filter(number=int(region)).first() if region.isdigit() else None
        if found is None:
            raise PassCommandError("not_found", f"No region numbered {region!r}.", "region")
        key = keys.rotate(found)
        return json.dumps({"key_id": key.key_id, "region": found.number})

    def _revoke(self, person: str, reason: str, **options) -> str:
        reason = reason.strip()
        if not reason:
            raise PassCommandError("required", "Give the reason for the revocation.", "reason")
        revoked = services.revoke_person(_person(person), note=reason)
        return json.dumps({"revoked": revoked})
