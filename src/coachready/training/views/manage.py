"""The region's management of its events, for its administrators and its
instructors. Every lookup goes through coachready.training.access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coachready.org.names import name_order
from coachready.training import access
from coachready.training.forms import (
    NEW_EVENT_FIELD_NAMES,
    CancelEventForm,
    EventForm,
    NewEventForm,
    SessionFields,
    apply_errors,
)
from coachready.training.models import Attendance, Enrollment, Event, Session
from coachready.training.services import Refused
from coachready.training.services import events as event_services
from coachready.training.services.attendance import granted_records, mark_attendance
from coachready.training.services.enrolment import cancel_enrollment


@login_required
def event_list(request, number: int):
    region = access.get_managed_region(request.user, number)
    events = (
        Event.objects.filter(region=region).with_counts()
        .order_by("-first_day", "-id")
    )
    return render(request, "training/manage/list.html", {"region": region, "events": events})


@login_required
def event_new(request, number: int):
    region = access.get_managed_region(request.user, number)
    form = NewEventForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_services.create_event(
                region, form.event_fields(), form.session_fields(),
                instructors=form.cleaned_data["instructors"], user=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error, NEW_EVENT_FIELD_NAMES)
        else:
            messages.success(request, _("The event is saved as a draft. Add its other sessions, then publish it."))
            return redirect("training:manage_event", number=region.number, pk=event.pk)
    return render(request, "training/manage/event_form.html", {"region": region, "form": form, "event": None})


@login_required
def event_manage(request, number: int, pk: int):
    region, event = access.get_managed_event(request.user, number, pk)
    counts = Event.objects.filter(pk=event.pk).with_counts().values("enrolled_count", "waitlist_count").get()
    return render(request, "training/manage/event.html", {
        "region": region, "event": event, "sessions": event.sessions.all(),
        "instructors": event.instructors.all(), "counts": counts,
        "session_form": SessionFields(enrol_by=event.enrol_by), "cancel_form": CancelEventForm(),
        "today": timezone.localdate(),
    })


@login_required
def event_edit(request, number: int, pk: int):
    region, event = access.get_managed_event(request.user, number, pk)
    if event.status in (Event.Status.CANCELLED, Event.Status.COMPLETED):
        messages.error(request, _("This event is cancelled; it can no longer change.")
                       if event.status == Event.Status.CANCELLED
                       else _("This event is completed; it can no longer change."))
        return redirect("training:manage_event", number=region.number, pk=event.pk)
    initial = {f: getattr(event, f) for f in event_services.EVENT_FIELDS}
    initial["instructors"] = list(event.instructors.all())
    form = EventForm(request.POST or None, region=region, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event_services.update_event(
                event, form.event_fields(), instructors=form.cleaned_data["instructors"], user=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved. People enrolled are told of changes to the title or the venue."))
            return redirect("training:manage_event", number=region.number, pk=event.pk)
    return render(request, "training/manage/event_form.html", {"region": region, "form": form, "event": event})


@login_required
def session_form(request, number: int, pk: int, sid: int | None = None):
    region, event = access.get_managed_event(request.user, number, pk)
    session = get_object_or_404(Session, pk=sid, event=event) if sid is not None else None
    initial = {f: getattr(session, f) for f in event_services.SESSION_FIELDS} if session else None
    form = SessionFields(request.POST or None, initial=initial, enrol_by=event.enrol_by)
    if request.method == "POST" and form.is_valid():
        try:
            if session is None:
                event_services.add_session(event, form.cleaned_data, user=request.user)
            else:
                event_services.update_session(session, form.cleaned_data, user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        except Refused as refusal:
            messages.error(request, refusal.message)
            return redirect("training:manage_event", number=region.number, pk=event.pk)
        else:
            messages.success(request, _("Session saved."))
            return redirect("training:manage_event", number=region.number, pk=event.pk)
    return render(request, "training/manage/session_form.html",
                  {"region": region, "event": event, "session": session, "form": form})


def _status_change(request, number: int, pk: int, change, done: str):
    region, event = access.get_managed_event(request.user, number, pk)
    try:
        change(event)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done)
    return redirect("training:manage_event", number=region.number, pk=event.pk)


@login_required
@require_POST
def event_publish(request, number: int, pk: int):
    return _status_change(request, number, pk, lambda e: event_services.publish_event(e, user=request.user),
                          _("Published: the event is on the public calendar."))


@login_required
@require_POST
def event_cancel(request, number: int, pk: int):
    form = CancelEventForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _status_change(
        request, number, pk, lambda e: event_services.cancel_event(e, reason=reason, user=request.user),
        _("Cancelled. Everyone enrolled or waiting has been told."),
    )


@login_required
@require_POST
def event_complete(request, number: int, pk: int):
    return _status_change(request, number, pk, lambda e: event_services.complete_event(e, user=request.user),
                          _("The event is marked completed."))


@login_required
def roster(request, number: int, pk: int):
    region, event = access.get_managed_event(request.user, number, pk)
    enrollments = list(event.enrollments.select_related("person__home_region").order_by("status", "position", "id"))
    sessions = list(event.sessions.all())
    present = set(
        Attendance.objects.filter(session__event=event, present=True).values_list("enrollment_id", "session_id")
    )
    rows = [
        {"enrollment": e, "marks": [((e.pk, s.pk) in present) for s in sessions]}
        for e in enrollments
    ]
    return render(request, "training/manage/roster.html", {
        "region": region, "event": event, "sessions": sessions, "rows": rows,
        "Status": Enrollment.Status,
    })


@login_required
@require_POST
def roster_cancel(request, number: int, pk: int, eid: int):
    region, event = access.get_managed_event(request.user, number, pk)
    enrollment = get_object_or_404(Enrollment, pk=eid, event=event)
    try:
        cancel_enrollment(enrollment, user=request.user, by_manager=True)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("%(name)s is taken off the list.") % {"name": enrollment.person.display_name})
    return redirect("training:roster", number=region.number, pk=event.pk)


@login_required
def attendance(request, number: int, pk: int, sid: int):
    region, event = access.get_managed_event(request.user, number, pk)
    session = get_object_or_404(Session, pk=sid, event=event)
    enrollments = list(
        event.enrollments.filter(status=Enrollment.Status.ENROLLED).select_related("person").order_by(
            *name_order("person__"), "id"
        )
    )
    if request.method == "POST":
        sheet = {e.pk for e in enrollments}
        try:
            listed = {int(v) for v in request.POST.getlist("listed")}
            ticked = {int(v) for v in request.POST.getlist("present")}
        except ValueError:
            messages.error(request, _("The attendance sheet was not understood; please mark it again."))
            return redirect("training:attendance", number=region.number, pk=event.pk, sid=session.pk)
        if not listed <= sheet or not ticked <= listed:
            messages.error(request, _("The attendance sheet names people who are not enrolled; please mark it again."))
            return redirect("training:attendance", number=region.number, pk=event.pk, sid=session.pk)
        try:
            result = mark_attendance(session, {pk_: pk_ in ticked for pk_ in listed}, user=request.user)
        except Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, ngettext("%(count)s mark saved.", "%(count)s marks saved.",
                                               result.changed) % {"count": result.changed})
            if result.granted:
                messages.success(request, ngettext(
                    "%(count)s certificate granted.", "%(count)s certificates granted.", len(result.granted),
                ) % {"count": len(result.granted)})
            if result.withdrawn:
                messages.success(request, ngettext(
                    "%(count)s certificate withdrawn after the correction.",
                    "%(count)s certificates withdrawn after the correction.", len(result.withdrawn),
                ) % {"count": len(result.withdrawn)})
            return redirect("training:attendance", number=region.number, pk=event.pk, sid=session.pk)
    marks = dict(Attendance.objects.filter(session=session).values_list("enrollment_id", "present"))
    grants = granted_records(enrollments) if event.course else {}
    rows = [{"enrollment": e, "mark": marks.get(e.pk), "granted": grants.get(e.pk)} for e in enrollments]
    return render(request, "training/manage/attendance.html", {
        "region": region, "event": event, "session": session, "rows": rows,
        "future": session.date > timezone.localdate(),
    })
