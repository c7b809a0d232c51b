"""Small builders for test data. Tests read like the domain: named people in
named regions, not anonymous rows."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.org.models import Area, Person, Region, RoleAssignment, Section, User

_seq = itertools.count(1)

TEST_PASSWORD = "a-long-test-password-42"


def make_region(number: int, name: str = "", area: Area | None = None, **extra) -> Region:
    if area is None:
        section, _ = Section.objects.get_or_create(number=1, defaults={"name": "Test Section"})
        area, _ = Area.objects.get_or_create(section=section, code="C", defaults={"name": "Test Area"})
    return Region.objects.create(area=area, number=number, name=name or f"Region {number}", **extra)


def make_person(region: Region, first: str = "Pat", last: str = "", *, user: bool = True, **extra) -> Person:
    n = next(_seq)
    last = last or f"Volunteer{n}"
    email = extra.pop("email", f"{first}.{last}.{n}@example.org".lower())
    account = None
    if user:
        account = User(username=email, email=email, first_name=first, last_name=last)
        account.set_password(TEST_PASSWORD)
        account.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=account, email=email, verified=True, primary=True)
    extra.setdefault("birth_date", date(1985, 6, 1))
    return Person.objects.create(
        first_name=first, last_name=last, email=email, home_region=region, user=account, **extra
    )


def give_role(person: Person, role: str, *, region=None, area=None, section=None, start_on=date(2020, 1, 1), **kw):
    return RoleAssignment.objects.create(
        person=person, role=role, region=region, area=area, section=section, start_on=start_on, **kw
    )


def give_record(person: Person, requirement: str, completed_on: date, **extra) -> CertificationRecord:
    extra.setdefault("source", CertificationRecord.Source.ONLINE)
    return CertificationRecord.objects.create(
        person=person, requirement=requirement, completed_on=completed_on, **extra
    )


def fully_certified_for_10u(*, without: str = "", today: date | None = None) -> tuple:
    """Every record a 10U head coach needs, each counting today and for
    months to come: the one-time courses long done, the SafeSport course
    (3 years) and the background check (1 year) renewed a month ago, so the
    suite tells the truth whatever day it runs. `without` leaves one out."""
    recent = (today or timezone.localdate()) - timedelta(days=30)
    records = (
        ("safe_haven", date(2020, 8, 1), {}),
        ("concussion", date(2020, 8, 1), {}),
        ("sudden_cardiac_arrest", date(2020, 8, 1), {}),
        ("safesport", recent, {}),
        ("background_check", recent, {"risk_status": "green"}),
        ("live_scan", date(2020, 8, 1), {}),
        ("referee_regional", date(2020, 8, 1), {}),
        ("coach_10u", date(2021, 3, 1), {}),
    )
    return tuple(record for record in records if record[0] != without)


def certify(person: Person, records=None) -> None:
    for code, done, extra in fully_certified_for_10u() if records is None else records:
        give_record(person, code, done, **extra)


def give_totp(user) -> str:
    """The user's TOTP authenticator (made if missing), as its secret."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import decrypt

    found = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if found is not None:
        return decrypt(found.data["secret"])
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app shows for `secret` right now."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def pass_second_factor(client, user) -> None:
    """Leave in the client's session what allauth's second-factor step
    leaves after a code is accepted: the user has a TOTP authenticator and
    the session's authentication records name it (method "mfa")."""
    from allauth.mfa.base.internal.flows import post_authentication
    from allauth.mfa.models import Authenticator
    from django.test import RequestFactory

    give_totp(user)
    request = RequestFactory().get("/")
    request.user = user
    request.session = session = client.session
    post_authentication(request, Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP))
    session.save()
