"""Benchmark cases that run inside one Django process on the database named by
the environment. `python bench/inproc.py CASE [ARGS]` prints one JSON line."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coachready.config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from coachready.org.models import Person, Region, Role, RoleAssignment, User  # noqa: E402


def _admin_of(region: Region) -> User:
    from allauth.mfa.models import Authenticator

    email = f"bench-admin-{region.number}@example.org"
    user, created = User.objects.get_or_create(username=email, defaults={"email": email})
    if created:
        person = Person.objects.create(
            first_name="Bench", last_name="Admin", email=email, home_region=region, user=user
        )
        RoleAssignment.objects.create(
            person=person, role=Role.REGIONAL_COACH_ADMINISTRATOR, region=region, start_on="2020-01-01"
        )
        # Production mode requires a second factor for administrators.
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "bench"})
    return user


def _coach_of(region: Region) -> User:
    person = Person.objects.filter(
        home_region=region, user__isnull=True, coach_assignments__isnull=False
    ).first()
    email = f"bench-coach-{region.number}@example.org"
    user, _ = User.objects.get_or_create(username=email, defaults={"email": email})
    if Person.objects.filter(user=user).exists():  # a second run on the same database
        return user
    if person is not None and person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    return user


def case_session(number: str) -> dict:
    region = Region.objects.get(number=int(number))
    sessions = {}
    for key, user in (("admin_session", _admin_of(region)), ("coach_session", _coach_of(region))):
        client = Client()
        client.force_login(user)
        sessions[key] = client.cookies["sessionid"].value
    return {**sessions, "checklist_path": "/my/", "dashboard_path": f"/region/{region.number}/readiness/"}


def case_dashboard(number: str) -> dict:
    region = Region.objects.get(number=int(number))
    client = Client()
    client.force_login(_admin_of(region))
    path = f"/region/{region.number}/readiness/"
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    from coachready.certs.services.versions import bump_readiness_version

    def timed(cold: bool) -> tuple[float, int]:
        if cold:
            # A write in the region renews its stamp: nothing cached is used.
            bump_readiness_version([region])
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        return time.perf_counter() - started, len(queries)

    warm = [timed(False) for _ in range(7)]
    cold = [timed(True) for _ in range(5)]
    return {
        "seconds": statistics.median(t for t, _ in warm), "queries": warm[-1][1],
        "cold_seconds": statistics.median(t for t, _ in cold), "cold_queries": cold[-1][1],
    }


def case_people(number: str) -> dict:
    region = Region.objects.get(number=int(number))
    from coachready.teams.models import Team

    return {
        "volunteers": Person.objects.filter(home_region=region).count(),
        "teams": Team.objects.filter(season__region=region).count(),
    }





def case_verify_queue(number: str, uploads: str) -> dict:
    """The verification queue with `uploads` certificates waiting: first page."""
    from django.core.files.base import ContentFile

    from coachready.certs.models import CertificationRecord

    region = Region.objects.get(number=int(number))
    people = list(Person.objects.filter(home_region=region).order_by("pk")[: int(uploads)])
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    for person in people:
        record = CertificationRecord(person=person, requirement="safe_haven", completed_on="2026-08-01",
                                     status="pending", source="upload")
        record.evidence.save("certificate.pdf", ContentFile(pdf), save=False)
        record.save()
    client = Client()
    client.force_login(_admin_of(region))
    path = f"/region/{region.number}/verify/"
    assert client.get(path).status_code == 200

    def timed() -> tuple[float, int]:
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        return time.perf_counter() - started, len(queries)

    runs = [timed() for _ in range(7)]
    pending = CertificationRecord.objects.filter(person__home_region=region, status="pending").count()
    return {"seconds": statistics.median(t for t, _ in runs), "queries": runs[-1][1], "pending": pending}


def case_volunteer_ids(number: str) -> dict:
    ids = list(
        Person.objects.filter(home_region__number=int(number), volunteer_id__isnull=False)
        .order_by("pk")
        .values_list("volunteer_id", flat=True)
    )
    return {"ids": ids}


def case_copy_floor(number: str, rows: str) -> dict:
    """PostgreSQL's own COPY of the same number of certification rows into a
    scratch table shaped like the records table: the floor an import can
    approach."""
    import datetime

    people = list(Person.objects.filter(home_region__number=int(number)).values_list("pk", flat=True))
    count = int(rows)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_copy (LIKE certs_certificationrecord INCLUDING DEFAULTS INCLUDING IDENTITY)"
        )
        started = time.perf_counter()
        with cursor.cursor.copy(
            "COPY bench_copy (person_id, requirement, completed_on, risk_status, source, source_ref, status, "
            "evidence, note, rejection_reason, created_at) FROM STDIN"
        ) as copy:
            now = datetime.datetime.now(datetime.UTC)
            for i in range(count):
                copy.write_row(
                    (
                        people[i % len(people)],
                        "safe_haven",
                        datetime.date(2000, 1, 1) + datetime.timedelta(days=i // len(people)),
                        "",
                        "import",
                        "",
                        "verified",
                        "",
                        "",
                        "",
                        now,
                    )
                )
        seconds = time.perf_counter() - started
    return {"seconds": seconds}


def case_import_largest(number: str, path: str) -> dict:
    """The web import of the largest file the limits allow: upload (read
    once, rows stored), the preview's first and last pages, the commit; and
    this process's peak memory through it all."""
    import resource
    from pathlib import Path

    from django.urls import reverse
    from django.utils import timezone

    from coachready.imports.batches import commit_batch, create_batch

    region = Region.objects.get(number=int(number))
    user = _admin_of(region)
    data = Path(path).read_bytes()
    started = time.perf_counter()
    batch = create_batch(data, Path(path).name, region, user, undated_on=timezone.localdate())
    upload = time.perf_counter() - started
    del data
    client = Client()
    client.force_login(user)
    url = reverse("imports:preview", args=[region.number, batch.pk])
    rows = batch.summary["rows"]
    pages = {}
    for name, page in (("first", 1), ("last", (rows + 99) // 100)):
        times = []
        for _ in range(5):
            started = time.perf_counter()
            response = client.get(url, {"page": page})
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        pages[name] = statistics.median(times)
    started = time.perf_counter()
    commit_batch(batch, user, skip_invalid=True)
    commit = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rows": rows, "bytes": Path(path).stat().st_size, "upload": upload, "first_page": pages["first"],
            "last_page": pages["last"], "commit": commit, "peak_mb": peak_mb}


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    print(json.dumps(globals()[f"case_{name}"](*args)))
