"""The approval chain end to end: a D licence becomes Advanced Coach."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.certs.services.records import rule_records_by_person
from coachready.crosscert.models import Application, Decision
from coachready.org.models import AuditEntry, Role
from coachready.rules import evaluate
from tests.crosscert.conftest import advance
from tests.factories import give_role, make_person, make_region

pytestmark = pytest.mark.django_db

CHAIN = ["regional_commissioner", "area_coach_administrator", "section_coach_administrator", "national_coach"]


def post_decision(client, application, action, reason=""):
    return client.post(
        reverse("crosscert:act", args=[application.pk]),
        {"action": action, "reason": reason, "step": application.step, "round": application.round},
    )


def test_d_licence_becomes_advanced_through_the_whole_chain(world, login, submitted, chain_actors):
    coach = world.coach
    assert submitted.approval_chain == CHAIN
    assert submitted.current_role == "regional_commissioner"
    before = evaluate(rule_records_by_person([coach.pk])[coach.pk], "16U", "head_coach",
                      timezone.localdate(), world.region.policy())
    assert before.unmet == ("coach_advanced",)

    for step, actor in enumerate(chain_actors):
        submitted.refresh_from_db()
        assert submitted.step == step
        action = "approve" if step == len(CHAIN) - 1 else "recommend"
        response = post_decision(login(actor), submitted, action)
        assert response.status_code == 302, response.content

    submitted.refresh_from_db()
    assert submitted.status == Application.Status.APPROVED
    assert submitted.decided_at is not None
    assert list(submitted.decisions.values_list("role", "action")) == [
        ("regional_commissioner", "recommend"), ("area_coach_administrator", "recommend"),
        ("section_coach_administrator", "recommend"), ("national_coach", "approve"),
    ]
    record = CertificationRecord.objects.get(person=coach, requirement="coach_advanced")
    assert record.source == CertificationRecord.Source.CROSSCERT
    assert record.source_ref == f"crosscert.application:{submitted.pk}"
    assert record.status == CertificationRecord.Status.VERIFIED

    verdict = evaluate(rule_records_by_person([coach.pk])[coach.pk], "16U", "head_coach",
                       timezone.localdate(), world.region.policy())
    assert verdict.eligible
    status = verdict.status_of("coach_advanced")
    assert status.status == "met"
    assert status.satisfied_by == "coach_advanced"
    assert status.record.source == "crosscert"

    actions = list(AuditEntry.objects.filter(action__startswith="crosscert.").order_by("id")
                   .values_list("action", flat=True))
    assert actions == [
        "crosscert.application.submitted", "crosscert.application.recommended",
        "crosscert.application.recommended", "crosscert.application.recommended",
        "crosscert.application.approved",
    ]

    page = login(coach).get(reverse("crosscert:detail", args=[submitted.pk])).content.decode()
    assert "Approved on" in page


def test_each_step_emails_the_next_actor_and_the_applicant(world, submitted, chain_actors):
    first = mail.outbox[:]
    assert {tuple(m.to) for m in first} == {(world.rc.user.email,), (world.coach.user.email,)}
    assert all(m.alternatives for m in first)  # text and HTML parts
    mail.outbox.clear()
    advance(submitted, chain_actors, 1)
    recipients = {m.to[0]: m.subject for m in mail.outbox}
    assert world.area_ca.user.email in recipients
    assert "recommended" in recipients[world.coach.user.email]


@pytest.mark.parametrize("step", range(4))
def test_only_the_current_steps_role_holder_may_act(world, login, client, submitted, chain_actors, step):
    application = advance(submitted, chain_actors, step)
    other_region = make_region(62, "Elsewhere")
    other_rc = make_person(other_region, "Olivia", "OtherRC")
    give_role(other_rc, Role.REGIONAL_COMMISSIONER, region=other_region)
    wrong_step = chain_actors[(step + 1) % len(chain_actors)]
    action = "approve" if step == 3 else "recommend"
    decisions_before = Decision.objects.count()

    for outsider in (other_rc, world.other_rca, world.coach, wrong_step, world.rca):
        response = post_decision(login(outsider), application, action)
        assert response.status_code == 403, outsider
    response = post_decision(login(None), application, action)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    application.refresh_from_db()
    assert (application.step, application.status) == (step, Application.Status.SUBMITTED)
    assert Decision.objects.count() == decisions_before

    assert post_decision(login(chain_actors[step]), application, action).status_code == 302
    assert Decision.objects.count() == decisions_before + 1


def test_section_before_area_is_refused_and_nothing_changes(world, login, submitted, chain_actors):
    application = advance(submitted, chain_actors, 1)  # waiting at the Area step
    audit_before = AuditEntry.objects.count()
    response = post_decision(login(world.section_ca), application, "recommend")
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.step == 1 and application.current_role == "area_coach_administrator"
    assert application.decisions.count() == 1
    assert AuditEntry.objects.count() == audit_before


def test_a_role_holder_cannot_review_their_own_application(world, login):
    from tests.crosscert.conftest import application_data, ready_but_advanced
    from tests.factories import certify

    certify(world.rc, ready_but_advanced(timezone.localdate()))
    from coachready.crosscert.services import submit_application

    own = submit_application(world.rc, application_data(), user=world.rc.user)
    assert own.current_role == "regional_commissioner"
    assert post_decision(login(world.rc), own, "recommend").status_code == 403
    assert not own.decisions.exists()


def test_acting_twice_on_one_step_leaves_one_decision(world, login, submitted):
    client = login(world.rc)
    shown = {"step": submitted.step, "round": submitted.round}
    first = client.post(reverse("crosscert:act", args=[submitted.pk]), {"action": "recommend", **shown})
    assert first.status_code == 302
    # The same page submitted again (a double click): the step has moved on.
    again = client.post(reverse("crosscert:act", args=[submitted.pk]), {"action": "recommend", **shown})
    assert again.status_code == 302
    assert "already been decided" in client.get(again["Location"]).content.decode()
    assert submitted.decisions.count() == 1


def test_a_stale_page_from_an_outsider_is_still_refused(world, login, submitted):
    response = post_decision(login(world.other_rca), submitted, "recommend")
    assert response.status_code == 403
    stale = login(world.other_rca).post(
        reverse("crosscert:act", args=[submitted.pk]), {"action": "recommend", "step": 5, "round": 1}
    )
    assert stale.status_code == 403  # cannot even see the application
    assert not submitted.decisions.exists()


def test_return_then_resubmit_resumes_at_the_same_step(world, login, submitted, chain_actors):
    application = advance(submitted, chain_actors, 2)
    response = post_decision(login(world.section_ca), application, "return", "The licence copy is unreadable.")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.RETURNED
    assert application.current_role == ""

    coach_client = login(world.coach)
    page = coach_client.get(reverse("crosscert:detail", args=[application.pk])).content.decode()
    assert "The licence copy is unreadable." in page
    from tests.crosscert.conftest import form_post

    body = form_post(licence_number="D-654321")
    response = coach_client.post(reverse("crosscert:edit", args=[application.pk]), body)
    assert response.status_code == 302, response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert (application.step, application.round) == (2, 2)
    assert application.current_role == "section_coach_administrator"
    assert application.licence_number == "D-654321"

    # The Section coach administrator decides the new round.
    assert post_decision(login(world.section_ca), application, "recommend").status_code == 302
    application.refresh_from_db()
    assert application.step == 3


def test_edit_is_only_for_the_applicant_while_returned(world, login, submitted):
    assert login(world.coach).get(reverse("crosscert:edit", args=[submitted.pk])).status_code == 403
    post_decision(login(world.rc), submitted, "return", "Add the licence's back side.")
    assert login(world.coach).get(reverse("crosscert:edit", args=[submitted.pk])).status_code == 200
    assert login(world.rc).get(reverse("crosscert:edit", args=[submitted.pk])).status_code == 403
    assert login(world.other_rca).get(reverse("crosscert:edit", args=[submitted.pk])).status_code == 403


def test_reject_ends_the_application_with_the_reason_shown(world, login, submitted, chain_actors):
    application = advance(submitted, chain_actors, 1)
    response = post_decision(login(world.area_ca), application, "reject", "This is a D licence from 1998, lapsed.")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert not CertificationRecord.objects.filter(source="crosscert").exists()
    page = login(world.coach).get(reverse("crosscert:detail", args=[application.pk])).content.decode()
    assert "This is a D licence from 1998, lapsed." in page
    assert AuditEntry.objects.filter(action="crosscert.application.rejected").count() == 1
    # A decided application takes no more decisions.
    post_decision(login(world.section_ca), application, "recommend")
    assert application.decisions.count() == 2
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED


@pytest.mark.parametrize("action", ["return", "reject"])
def test_return_and_reject_need_a_reason(world, login, submitted, action):
    response = post_decision(login(world.rc), submitted, action, "  ")
    assert response.status_code == 400
    assert "the applicant sees this" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    assert not submitted.decisions.exists()


@pytest.mark.parametrize("action", ["approve", "dance", ""])
def test_a_step_offers_only_its_own_actions(world, login, submitted, action):
    response = post_decision(login(world.rc), submitted, action)
    assert response.status_code == 400
    assert not submitted.decisions.exists()


def test_the_national_profile_starts_with_the_regional_coach_administrator(world, login):
    from coachready.crosscert.services import submit_application
    from tests.crosscert.conftest import application_data, ready_but_advanced
    from tests.factories import certify

    world.region.policy_name = "ayso-national"
    world.region.save()
    certify(world.coach, ready_but_advanced(timezone.localdate()))
    application = submit_application(world.coach, application_data(licence="ussf_c"), user=world.coach.user)
    assert application.approval_chain[0] == "regional_coach_administrator"
    assert application.policy_name == "ayso-national"
    assert post_decision(login(world.rc), application, "recommend").status_code == 403
    assert post_decision(login(world.rca), application, "recommend").status_code == 302
