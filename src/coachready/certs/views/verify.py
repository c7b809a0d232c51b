"""The region's verification queue: approve, correct the date, or reject."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.certs.access import admin_region, get_record_for, pending_for_region
from coachready.certs.forms import ApproveForm, RejectForm
from coachready.certs.services import verification
from coachready.certs.views.common import today
from coachready.core.policy_words import local_title
from coachready.core.redirects import safe_next

# What the queue shows of an upload, from its stored name: the name's
# extension is set from the content when the file is stored, so no file is
# opened to render the queue (reading every file made a long queue slow).
_PREVIEW_KINDS = {"pdf": "pdf", "png": "image", "jpg": "image", "jpeg": "image"}


def _file_kind(record) -> str:  # noqa: ANN001
    if not record.evidence:
        return ""
    return _PREVIEW_KINDS.get(record.evidence.name.rsplit(".", 1)[-1].lower(), "file")


def _queue(request, region, bound: dict | None = None):  # noqa: ANN001
    policy = region.policy()
    page = Paginator(pending_for_region(region), 20).get_page(request.GET.get("page"))
    as_of = today()
    items = []
    for record in page:
        forms = (bound or {}).get(record.pk) or (
            ApproveForm(prefix=f"a{record.pk}", today=as_of, initial={"completed_on": record.completed_on}),
            RejectForm(prefix=f"r{record.pk}"),
        )
        items.append({"record": record, "title": local_title(policy, record.requirement), "kind": _file_kind(record),
                      "approve_form": forms[0], "reject_form": forms[1]})
    status = 400 if bound else 200
    return render(request, "certs/verify.html", {"region": region, "page": page, "items": items}, status=status)


@login_required
def queue(request, number: int):
    region = admin_region(request.user, number)
    return _queue(request, region)


def _record_in(request, region, pk: int):  # noqa: ANN001
    record = get_record_for(request.user, pk, decide=True)
    if record.person.home_region_id != region.pk:
        raise PermissionDenied("This record belongs to another region.")
    return record


@login_required
@require_POST
def approve(request, number: int, pk: int):
    region = admin_region(request.user, number)
    record = _record_in(request, region, pk)
    form = ApproveForm(request.POST, prefix=f"a{pk}", today=today())
    if not form.is_valid():
        return _queue(request, region, {pk: (form, RejectForm(prefix=f"r{pk}"))})
    try:
        verification.approve(record, user=request.user, completed_on=form.cleaned_data.get("completed_on"),
                             today=today())
    except verification.DecisionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Verified the certificate of %(name)s.") % {"name": record.person.display_name})
    return redirect(safe_next(request) or reverse("certs:verify", args=[region.number]))


@login_required
@require_POST
def reject(request, number: int, pk: int):
    region = admin_region(request.user, number)
    record = _record_in(request, region, pk)
    form = RejectForm(request.POST, prefix=f"r{pk}")
    if not form.is_valid():
        approve_form = ApproveForm(prefix=f"a{pk}", today=today(), initial={"completed_on": record.completed_on})
        return _queue(request, region, {pk: (approve_form, form)})
    try:
        verification.reject(record, user=request.user, reason=form.cleaned_data["reason"])
    except verification.DecisionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Rejected; %(name)s has been told why.") % {"name": record.person.display_name})
    return redirect(safe_next(request) or reverse("certs:verify", args=[region.number]))
