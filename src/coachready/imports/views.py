"""Import and export pages. Thin: access through imports.access, work
through imports.batches / imports.exporting."""

from __future__ import annotations

from importlib import resources

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from coachready.core import exports
from coachready.imports import batches, exporting
from coachready.imports.access import export_regions_for, get_batch_for, get_import_region_for
from coachready.imports.columns import FIELD_LABELS, aliases
from coachready.imports.forms import CommitForm, UploadForm
from coachready.imports.models import ImportBatch, ImportRow
from coachready.imports.planning import ACTIONS, NEW, REVIEW, SAME
from coachready.org.audit import log_action

SAMPLES = ("volunteers.csv", "records.csv", "licence-grade-export.csv", "training-report.csv")
ACTION_WORDS = {"create": _("New"), "update": _("Update"), "skip": _("Skip"), "error": _("Error"),
                "review": _("Decide")}


@login_required
def upload(request, number: int):
    region = get_import_region_for(request.user, number)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        batch = batches.create_batch(form.data_bytes, data["file"].name, region, request.user,
                                     kind=form.kind, undated_on=data["undated_on"], table=form.table)
        return redirect("imports:preview", number=region.number, pk=batch.pk)
    recent = ImportBatch.objects.filter(region=region).select_related("uploaded_by")[:20]
    return render(request, "imports/upload.html", {
        "region": region, "form": form, "recent": recent, "samples": SAMPLES,
        "fields": [(FIELD_LABELS[name], names) for name, names in aliases().items()],
    })


@login_required
def preview(request, number: int, pk: int):
    batch = get_batch_for(request.user, number, pk)
    show = request.GET.get("show", "")
    if batch.status != ImportBatch.Status.PREVIEW:
        return render(request, "imports/done.html", {"region": batch.region, "batch": batch,
                                                     "counts": batch.summary.get("counts", {})})
    # The rows as planned at upload (or at the last decision): the file is
    # not read again for a page.
    rows = ImportRow.objects.filter(batch=batch).defer("cells")
    listed = rows.filter(action=show) if show in ACTIONS else rows
    page = Paginator(listed.order_by("number"), 100).get_page(request.GET.get("page"))
    decisions = {int(k): v for k, v in batch.decisions.items()}
    reviews = [(row, decisions.get(row.number, "")) for row in rows.filter(action=REVIEW).order_by("number")]
    decided = [(row, choice) for row, choice in sorted(decisions.items())]
    return render(request, "imports/preview.html", {
        "region": batch.region, "batch": batch, "summary": batch.summary, "counts": batch.summary.get("counts", {}),
        "page": page, "show": show, "actions": [(a, ACTION_WORDS[a]) for a in ACTIONS], "reviews": reviews,
        "decided": decided, "commit_form": CommitForm(), "SAME": SAME, "NEW": NEW,
    })


@login_required
@require_POST
def decide(request, number: int, pk: int):
    batch = get_batch_for(request.user, number, pk)
    choices = {}
    for key, value in request.POST.items():
        if key.startswith("row-") and key[4:].isdigit():
            choices[int(key[4:])] = value
    try:
        batches.decide(batch, choices, request.user)
    except batches.BatchError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("Decisions saved. Check the preview again before importing."))
    return redirect("imports:preview", number=batch.region.number, pk=batch.pk)


@login_required
@require_POST
def commit(request, number: int, pk: int):
    batch = get_batch_for(request.user, number, pk)
    form = CommitForm(request.POST)
    skip_invalid = form.is_valid() and form.cleaned_data["skip_invalid"]
    try:
        result = batches.commit_batch(batch, request.user, skip_invalid=skip_invalid)
    except batches.BatchError as exc:
        messages.error(request, str(exc))
    else:
        c = result.counts
        messages.success(request, gettext("Imported: %(created)s created, %(updated)s updated, %(skipped)s skipped.")
                         % {"created": c["create"], "updated": c["update"], "skipped": c["skip"]})
    return redirect("imports:preview", number=batch.region.number, pk=batch.pk)


@login_required
@require_POST
def cancel(request, number: int, pk: int):
    batch = get_batch_for(request.user, number, pk)
    try:
        batches.cancel_batch(batch, request.user)
    except batches.BatchError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, gettext("The upload was cancelled; nothing was imported."))
    return redirect("imports:upload", number=batch.region.number)


@login_required
def export_page(request, number: int):
    region = get_import_region_for(request.user, number)
    return render(request, "imports/export.html", {"region": region, "exports": exporting.EXPORTS})


@login_required
def export_all_page(request):
    regions = export_regions_for(request.user)
    return render(request, "imports/export_all.html", {"regions": regions, "exports": exporting.EXPORTS})


def _export(request, regions, name: str, fmt: str, stem: str, region=None):
    if name not in exporting.EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404("No such export.")
    today = timezone.localdate()
    rows = (exporting.volunteer_rows(regions, today=today) if name == "volunteers"
            else exporting.record_rows(regions))
    stem = f"{stem}-{name}-{today.isoformat()}"
    # Exports carry personal data: who took one is kept in the audit log.
    log_action(f"imports.export.{name}", user=request.user, region=region,
               summary=f"{stem}.{fmt} downloaded", data={"regions": [r.number for r in regions], "format": fmt})
    return exports.download(exporting.EXPORTS[name], rows, fmt, stem)


@login_required
def export_region(request, number: int, name: str, fmt: str):
    region = get_import_region_for(request.user, number)
    return _export(request, [region], name, fmt, f"region-{region.number}", region=region)


@login_required
def export_all(request, name: str, fmt: str):
    regions = list(export_regions_for(request.user))
    return _export(request, regions, name, fmt, "regions")


@login_required
def sample(request, filename: str):
    """The sample files, as CSV or converted to XLSX (same rows)."""
    stem, _, fmt = filename.rpartition(".")
    if f"{stem}.csv" not in SAMPLES or fmt not in ("csv", "xlsx"):
        raise Http404("No such sample.")
    data = resources.files("coachready.imports").joinpath("samples", f"{stem}.csv").read_bytes()
    if fmt == "xlsx":
        data = exporting.sample_xlsx(data, stem)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
