"""Privacy requests: export everything held about one person, then erase it
so that their email, names and phone are nowhere in the database."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from coachready.crosscert.models import Decision
from coachready.notify.models import OutboundEmail
from coachready.org import services
from coachready.org.audit import log_action
from coachready.org.models import AuditEntry, Person, Role, User
from coachready.org.privacy import PrivacyError, erase_subject, export_subject, find_subject
from coachready.site.models import ContactMessage, InterestNote
from tests.crosscert.conftest import make_application
from tests.e2e.helpers import assign, fall_season, team
from tests.factories import give_record, give_role, make_person

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EMAIL = "quintessa.z@example.org"
PHONE = "626-555-0199"
VOLUNTEER_ID = "88012345"
IDENTIFYING = [EMAIL, "Quintessa", "Zyzzlewick", "Quinny", PHONE, VOLUNTEER_ID]


@pytest.fixture
def quintessa(world, settings, tmp_path) -> Person:
    """A coach with something of every kind on file, named in other people's mail and the audit log."""
    # Her files live in this test's own media folder: erasing them must not
    # touch the files other tests, running alongside, count.
    settings.MEDIA_ROOT = tmp_path
    person = make_person(world.region, "Quintessa", "Zyzzlewick", email=EMAIL, phone=PHONE,
                         volunteer_id=VOLUNTEER_ID)
    give_role(person, Role.COACH, region=world.region)
    record = give_record(person, "safe_haven", date(2025, 1, 1), status="pending",
                         evidence=SimpleUploadedFile("x.pdf.html", PDF))
    log_action("certs.record.uploaded", user=person.user, obj=record, region=world.region,
               summary="Quintessa Zyzzlewick uploaded Safe Haven", data={"phone": PHONE})
    services.update_person(person, {"preferred_name": "Quinny"}, user=world.rca.user)
    assign(team(fall_season(world.region), "10U", "Comets"), person)
    application = make_application(person)
    Decision.objects.create(application=application, step=0, round=1, role="regional_commissioner",
                            actor=world.rc.user, action=Decision.Action.RECOMMEND)
    ContactMessage.objects.create(region=world.region, name="Quintessa Z", email=EMAIL.upper(),
                                  message="When is the next course?", ip_address="203.0.113.9")
    InterestNote.objects.create(region=world.region, person=person, division="10U", message="Happy to help")
    OutboundEmail.objects.create(to=[EMAIL], subject="Your Safe Haven", text="Hello Quinny Zyzzlewick",
                                 html="<p>Hello</p>", person=person, region=world.region)
    OutboundEmail.objects.create(to=[world.rca.email], subject="New upload from Quintessa Zyzzlewick",
                                 text=f"Quintessa Zyzzlewick ({EMAIL}) uploaded a certificate.",
                                 html=f"<p>Quintessa Zyzzlewick ({EMAIL})</p>", region=world.region)
    return person


def full_dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("key", [EMAIL, EMAIL.upper(), VOLUNTEER_ID])
def test_a_person_is_found_by_email_or_volunteer_id(quintessa, key):
    assert find_subject(key).person == quintessa


@pytest.mark.parametrize(("key", "code"), [
    ("nobody@example.org", "not_found"), ("99999999", "not_found"), ("", "required"),
])
def test_unknown_people_are_refused_with_a_code(world, key, code):
    with pytest.raises(PrivacyError) as caught:
        find_subject(key)
    assert caught.value.code == code and caught.value.path == "person"


def test_the_export_holds_every_kind_of_data(quintessa):
    doc = json.loads(json.dumps(export_subject(find_subject(EMAIL)), default=str))
    assert doc["person"]["volunteer_id"] == VOLUNTEER_ID and doc["person"]["phone"] == PHONE
    assert doc["account"]["email"] == EMAIL and doc["account"]["second_factor"] is False
    assert [r["role"] for r in doc["roles"]] == ["coach"]
    assert doc["certification_records"][0]["evidence"]["content_type"] == "application/pdf"
    assert doc["certification_records"][0]["evidence"]["stored_as"].endswith(".pdf")
    assert len(doc["team_assignments"]) == 1 and len(doc["crosscert_applications"]) == 1
    assert doc["crosscert_applications"][0]["scan"]["content_type"] == "application/pdf"
    assert [m["message"] for m in doc["contact_messages"]] == ["When is the next course?"]
    assert len(doc["interest_notes"]) == 1
    assert [m["subject"] for m in doc["emails_to_them"]] == ["Your Safe Haven"]
    actions = {e["action"] for e in doc["audit_entries"]}
    assert {"certs.record.uploaded", "org.person.updated"} <= actions


def test_erasure_leaves_no_trace_of_the_person(quintessa, world, django_capture_on_commit_callbacks):
    evidence = quintessa.records.get().evidence
    storage, stored = evidence.storage, evidence.name
    assert all(s in full_dump() for s in IDENTIFYING)
    entries_before = AuditEntry.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        counts = erase_subject(find_subject(VOLUNTEER_ID), user=world.rc.user)

    dump = full_dump()
    assert [s for s in IDENTIFYING if s.lower() in dump.lower()] == []
    assert not storage.exists(stored)
    assert counts["contact_messages"] == 1 and counts["volunteer_record"] == 1
    with pytest.raises(PrivacyError) as caught:
        find_subject(EMAIL)
    assert caught.value.code == "not_found"
    # The log keeps its entries, stripped, plus one saying an erasure happened.
    assert AuditEntry.objects.count() == entries_before + 1
    erased = AuditEntry.objects.get(action="org.privacy.erased")
    assert erased.region == world.region and erased.actor == world.rc.user
    # Mail to the region's administrator stays, without her name or address.
    kept = OutboundEmail.objects.get(to=[world.rca.email])
    assert "[erased]" in kept.subject and "Zyzzlewick" not in kept.text
    # Other people are untouched.
    assert Person.objects.filter(pk=world.coach.pk).exists()


def test_an_erased_approver_leaves_an_empty_account_behind_their_decisions(quintessa, world):
    rc_user = world.rc.user
    erase_subject(find_subject(world.rc.email))
    shell = User.objects.get(pk=rc_user.pk)
    assert shell.email.endswith("@erased.invalid") and not shell.is_active and not shell.has_usable_password()
    assert shell.first_name == shell.last_name == ""
    assert Decision.objects.filter(actor=shell).count() == 1
    assert world.rc.email not in full_dump()


def test_a_visitor_known_only_by_their_messages_can_be_exported_and_erased(world):
    ContactMessage.objects.create(region=world.region, name="Val Visitor", email="val@example.org", message="Hi")
    subject = find_subject("val@example.org")
    assert subject.person is None and len(export_subject(subject)["contact_messages"]) == 1
    erase_subject(subject)
    assert not ContactMessage.objects.filter(email="val@example.org").exists()


def run(*args) -> tuple[int, str, str]:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            call_command("privacy", *args)
        except SystemExit as exit_:
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_the_command_exports_then_erases(quintessa):
    code, out, _ = run("export", "--person", EMAIL)
    assert code == 0 and json.loads(out)["person"]["email"] == EMAIL
    code, out, _ = run("erase", "--person", EMAIL, "--yes")
    assert code == 0 and json.loads(out)["erased"] is True
    code, out, err = run("export", "--person", EMAIL)
    assert (code, out) == (2, "") and json.loads(err)["error"]["code"] == "not_found"


@pytest.mark.parametrize(("args", "code", "path"), [
    (("export", "--person", "nobody@example.org"), "not_found", "person"),
    (("erase", "--person", "nobody@example.org", "--yes"), "not_found", "person"),
    (("erase", "--person", EMAIL), "confirmation_required", "yes"),
])
def test_the_command_refuses_with_the_contracts_error(quintessa, args, code, path):
    status, out, err = run(*args)
    assert (status, out) == (2, "")
    assert json.loads(err) == {"error": {"code": code, "message": json.loads(err)["error"]["message"], "path": path}}
    assert Person.objects.filter(pk=quintessa.pk).exists()
