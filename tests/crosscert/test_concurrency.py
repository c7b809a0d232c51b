"""Two reviewers acting on one step at the same moment leave one decision.

On PostgreSQL the application row is locked for the decision, so the second
reviewer waits, then finds the step decided. Everywhere, the unique
(application, step, round) constraint is the last line: a decision that
slips past the lock still cannot be stored twice.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from coachready.crosscert.models import Application, Decision
from coachready.crosscert.services import CrossCertError, act_on_application, submit_application
from coachready.org.models import AuditEntry, Role
from tests.crosscert.conftest import application_data, ready_but_advanced
from tests.factories import certify, give_role, make_person


def test_the_constraint_refuses_a_second_decision_on_a_step(world, submitted):
    # A decision already stored for the step while the application row still
    # shows it waiting: what a racing reviewer would find without a lock.
    Decision.objects.create(
        application=submitted, step=0, round=1, role="regional_commissioner",
        actor=world.rc.user, action="recommend",
    )
    second_rc = make_person(world.region, "Rosa", "SecondCommissioner")
    give_role(second_rc, Role.REGIONAL_COMMISSIONER, region=world.region)
    audit_before = AuditEntry.objects.count()
    with pytest.raises(CrossCertError) as refused:
        act_on_application(submitted.pk, user=second_rc.user, action="reject", reason="No.", step=0, round=1)
    assert refused.value.code == "already_decided"
    assert Decision.objects.filter(application=submitted).count() == 1
    submitted.refresh_from_db()
    assert (submitted.status, submitted.step) == (Application.Status.SUBMITTED, 0)
    assert AuditEntry.objects.count() == audit_before


@pytest.mark.django_db(transaction=True)
def test_two_commissioners_clicking_at_once_leave_one_decision(world):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are a PostgreSQL matter; the constraint test covers SQLite.")
    certify(world.coach, ready_but_advanced(timezone.localdate()))
    application = submit_application(world.coach, application_data(), user=world.coach.user)
    second_rc = make_person(world.region, "Rosa", "SecondCommissioner")
    give_role(second_rc, Role.REGIONAL_COMMISSIONER, region=world.region)
    actors = [(world.rc.user, "recommend", ""), (second_rc.user, "reject", "Not convinced.")]
    barrier = threading.Barrier(len(actors))
    outcomes: list[str] = []

    def decide(user, action, reason):
        try:
            barrier.wait(timeout=10)
            act_on_application(application.pk, user=user, action=action, reason=reason, step=0, round=1)
            outcomes.append("decided")
        except CrossCertError as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=a) for a in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a decision is stuck (a deadlock?)"
    assert sorted(outcomes) == ["already_decided", "decided"]
    assert Decision.objects.filter(application=application, step=0).count() == 1
    application.refresh_from_db()
    decision = Decision.objects.get(application=application)
    expected = "submitted" if decision.action == "recommend" else "rejected"
    assert application.status == expected
    assert AuditEntry.objects.filter(
        action__in=["crosscert.application.recommended", "crosscert.application.rejected"]
    ).count() == 1
