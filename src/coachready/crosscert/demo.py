"""Demo cross-certification applications from Region 60 volunteers: one
with a USSF D licence waiting at the Area step, one returned for more
information, one approved (its Advanced Coach record granted)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from coachready.certs.models import CertificationRecord
from coachready.core.demo import DemoContext
from coachready.crosscert.models import Application, Decision

# A one-page PDF standing in for a licence scan.
DEMO_SCAN = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
)


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _applicants(ctx: DemoContext, count: int) -> list:
    """Region 60 volunteers with Safe Haven and Concussion on record, the
    policy's preconditions, picked in a fixed order."""
    ids = [p.pk for p in ctx.people if p.home_region_id == ctx.region.pk]
    have: dict[int, set[str]] = {}
    for person_id, code in CertificationRecord.objects.filter(
        person_id__in=ids, requirement__in=["safe_haven", "concussion"], status="verified"
    ).values_list("person_id", "requirement"):
        have.setdefault(person_id, set()).add(code)
    ready = [p for p in ctx.people if have.get(p.pk) == {"safe_haven", "concussion"}]
    return ready[:count]


def load(ctx: DemoContext) -> None:
    policy = ctx.region.policy()
    chain = list(policy.crosscert.approval_chain)
    p = ctx.personas
    actors = [p["rc"].user, p["area"].user, p["section"].user, p["national"].user]
    waiting, returned, approved = _applicants(ctx, 3)
    anchor = ctx.anchor

    def application(person, licence, course, number, submitted: date, **fields) -> Application:
        app = Application(
            applicant=person, licence=licence, licence_number=number, issuing_body="U.S. Soccer Federation",
            issued_on=date(2017, 6, 10), course=course, policy_name=policy.name, approval_chain=chain,
            statement="Coached club and high-school teams for several seasons.",
            submitted_at=_at(submitted), step_since=_at(submitted), current_role=chain[0], **fields,
        )
        app.scan.save(f"demo-licence-{number}.pdf", ContentFile(DEMO_SCAN), save=False)
        app.save()
        return app

    decisions: list[Decision] = []

    # Waiting at the Area step: the RC recommended it a week after it came in.
    first = application(waiting, "ussf_d", "coach_advanced", "D-4471902", anchor + timedelta(days=3))
    decisions.append(Decision(application=first, step=0, round=1, role=chain[0], actor=actors[0],
                              action=Decision.Action.RECOMMEND, at=_at(anchor + timedelta(days=10))))
    first.step, first.current_role, first.step_since = 1, chain[1], _at(anchor + timedelta(days=10))
    first.save()

    # Returned by the RC: the copy did not show the licence number.
    second = application(returned, "ussf_e", "coach_intermediate", "E-2208815", anchor + timedelta(days=12),
                         status=Application.Status.RETURNED)
    reason = "The copy does not show the licence number. Please attach a scan of the full card."
    decisions.append(Decision(application=second, step=0, round=1, role=chain[0], actor=actors[0],
                              action=Decision.Action.RETURN, reason=reason, at=_at(anchor + timedelta(days=14))))
    second.current_role, second.reason, second.step_since = "", reason, _at(anchor + timedelta(days=14))
    second.save()

    # Approved: every step recommended, the National Coach approved.
    third = application(approved, "ussf_c", "coach_advanced", "C-1189034", anchor - timedelta(days=60),
                        status=Application.Status.APPROVED)
    for step, role in enumerate(chain):
        action = Decision.Action.APPROVE if step == len(chain) - 1 else Decision.Action.RECOMMEND
        decisions.append(Decision(application=third, step=step, round=1, role=role, actor=actors[step],
                                  action=action, at=_at(anchor - timedelta(days=50 - 10 * step))))
    decided_on = anchor - timedelta(days=20)
    third.step, third.current_role, third.decided_at = len(chain) - 1, "", _at(decided_on)
    third.step_since = third.decided_at
    third.save()
    Decision.objects.bulk_create(decisions)
    CertificationRecord.objects.create(
        person=approved, requirement="coach_advanced", completed_on=decided_on, source="crosscert",
        source_ref=f"crosscert.application:{third.pk}", status=CertificationRecord.Status.VERIFIED,
        verified_by=actors[-1], verified_at=_at(decided_on),
        note="Cross-certified from US Soccer C licence C-1189034",
    )
