"""The public calendar, event pages, and a volunteer's enrolment buttons."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coachready.core.policy_words import local, local_title
from coachready.core.redirects import safe_next
from coachready.org.models import Region
from coachready.training import access
from coachready.training.models import Enrollment, Event
from coachready.training.services import Refused
from coachready.training.services.enrolment import cancel_enrollment, enrol, missing_prerequisites


class CalendarFilter(forms.Form):
    region = forms.TypedChoiceField(
        label=gettext_lazy("Region"), coerce=int, required=False, empty_value=None,
        error_messages={"invalid_choice": gettext_lazy("No region numbered %(value)s.")},
    )
    course = forms.ChoiceField(label=gettext_lazy("Course"), required=False,
                               error_messages={"invalid_choice": gettext_lazy("Unknown course %(value)s.")})
    when = forms.ChoiceField(
        label=gettext_lazy("When"), required=False,
        choices=[("upcoming", gettext_lazy("Upcoming")), ("past", gettext_lazy("Past"))],
        error_messages={"invalid_choice": gettext_lazy("Choose upcoming or past.")},
    )

    def __init__(self, *args, **kwargs):
        from coachready.rules import load_policy

        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions"))] + [
            (r.number, _("Region %(number)s %(name)s") % {"number": r.number, "name": r.name})
            for r in Region.objects.order_by("number")
        ]
        self.fields["course"].choices = [("", _("All courses and clinics")), ("clinic", _("Coach clinics"))] + [
            (code, local(spec, "title")) for code, spec in load_policy().requirements.items()
        ]


def calendar(request):
    """Published events of every region; volunteers may enrol in any region's."""
    today = timezone.localdate()
    form = CalendarFilter(request.GET or None)
    events = access.public_events().with_counts().select_related("region").prefetch_related("sessions")
    when = "upcoming"
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        when = data["when"] or "upcoming"
        if data["region"]:
            events = events.filter(region__number=data["region"])
        if data["course"] == "clinic":
            events = events.filter(kind=Event.Kind.CLINIC)
        elif data["course"]:
            events = events.filter(course=data["course"])
    if when == "past":
        events = events.filter(last_day__lt=today).order_by("-first_day", "id")
    else:
        events = events.filter(last_day__gte=today).order_by("first_day", "id")
    page = Paginator(events, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "training/calendar.html", {
        "form": form, "page": page, "when": when, "querystring": query.urlencode(), "today": today,
    })


def event_detail(request, pk: int):
    event = access.get_event_for(request.user, pk)
    today = timezone.localdate()
    counts = Event.objects.filter(pk=event.pk).with_counts().values("enrolled_count", "waitlist_count").get()
    mine = access.own_enrollment(request.user, event)
    person = request.user.person_or_none if request.user.is_authenticated else None
    prerequisite_note = ""
    if person is not None and mine is None and event.accepts_enrolment_on(today):
        prerequisite_note = missing_prerequisites(event, person, today)
    return render(request, "training/event.html", {
        "event": event,
        "sessions": event.sessions.all(),
        "instructors": event.instructors.all(),
        "seats_left": max(event.capacity - counts["enrolled_count"], 0),
        "waitlist_count": counts["waitlist_count"],
        "mine": mine,
        "open": event.accepts_enrolment_on(today),
        "prerequisite_note": prerequisite_note,
        "can_manage": access.can_manage(request.user, event.region),
        "course_title": local_title(event.region.policy(), event.course) if event.course else "",
    })


@login_required
@require_POST
def enrol_view(request, pk: int):
    event = access.get_event_for(request.user, pk)
    person = access.person_of(request.user)
    try:
        enrollment = enrol(event, person, user=request.user)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        if enrollment.status == Enrollment.Status.ENROLLED:
            messages.success(request, _("You are enrolled in %(event)s. A confirmation is on its way by email.") % {
                "event": event.title})
        else:
            messages.warning(
                request, _("%(event)s is full: you are number %(position)s on the waiting list.") % {
                    "event": event.title, "position": enrollment.position}
            )
    # The path to ready enrols from its own page and expects to come back there.
    return redirect(safe_next(request) or reverse("training:event", args=[event.pk]))


@login_required
@require_POST
def cancel_view(request, pk: int):
    event = access.get_event_for(request.user, pk)
    mine = access.own_enrollment(request.user, event)
    if mine is None:
        messages.error(request, _("You are not enrolled in this event."))
        return redirect("training:event", pk=event.pk)
    try:
        cancel_enrollment(mine, user=request.user)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your place in %(event)s is cancelled.") % {"event": event.title})
    return redirect("training:event", pk=event.pk)
