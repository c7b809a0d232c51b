"""School Yard: the public curriculum and coaches' season plans. Thin:
lookups through coachready.schoolyard.access, writes through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from coachready.rules.errors import InputError
from coachready.rules.schoolyard import load_curriculum
from coachready.schoolyard import services
from coachready.schoolyard.access import get_plan_for, own_plans, schoolyard_teams_for
from coachready.schoolyard.forms import MarkForm, PlanForm, RepeatForm
from coachready.schoolyard.ics import plan_calendar


def curriculum(request):
    return render(request, "schoolyard/curriculum.html", {"curriculum": load_curriculum()})


def week(request, n: int):
    cur = load_curriculum()
    if not 1 <= n <= len(cur.weeks):
        raise Http404("The curriculum has ten weeks.")
    return render(request, "schoolyard/week.html", {"curriculum": cur, "week": cur.week(n)})


def print_all(request):
    """Every week, each on its own printed page."""
    return render(request, "schoolyard/print_all.html", {"curriculum": load_curriculum()})


@login_required
def plan_list(request):
    return render(request, "schoolyard/plan_list.html", {"plans": own_plans(request.user)})


def _days(days) -> str:  # noqa: ANN001
    """Dates as the reader's language writes a month and day, in a list."""
    return ", ".join(date_format(day, pgettext("date format: short month and day", "M j")) for day in days)


def _engine_error(form, exc: InputError) -> None:
    """Put the engine's refusal next to the field it names."""
    field = exc.path.split("[", 1)[0].split(".", 1)[0]
    form.add_error(field if field in form.fields else None, exc.message)


@login_required
def plan_new(request):
    person = request.user.person_or_none
    if person is None:
        raise PermissionDenied(_("Your account is not linked to a volunteer record."))
    teams = schoolyard_teams_for(request.user)
    form = PlanForm(request.POST or None, teams=teams if teams.exists() else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.create_plan(
                owner=person, team=data.get("team"), title=data["title"], start=data["start"],
                sessions=data["sessions"], skip=data["skip"], start_time=data["start_time"],
                end_time=data["end_time"], place=data["place"], user=request.user,
            )
        except InputError as exc:
            _engine_error(form, exc)
        else:
            messages.success(request, _("Your season plan is ready."))
            return redirect("schoolyard:plan", pk=plan.pk)
    return render(request, "schoolyard/plan_form.html", {"form": form, "plan": None})


@login_required
def plan_edit(request, pk: int):
    plan = get_plan_for(request.user, pk)
    initial = {"title": plan.title, "start": plan.start, "sessions": plan.sessions, "skip": plan.skip,
               "start_time": plan.start_time, "end_time": plan.end_time, "place": plan.place}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_plan(plan, title=data["title"], start=data["start"], sessions=data["sessions"],
                                 skip=data["skip"], repeat=plan.repeat, start_time=data["start_time"],
                                 end_time=data["end_time"], place=data["place"], user=request.user)
        except InputError as exc:
            _engine_error(form, exc)
        else:
            messages.success(request, _("Plan updated."))
            return redirect("schoolyard:plan", pk=plan.pk)
    return render(request, "schoolyard/plan_form.html", {"form": form, "plan": plan})


@login_required
def plan_detail(request, pk: int):
    plan = get_plan_for(request.user, pk)
    engine = services.engine_plan(plan)
    return render(request, "schoolyard/plan.html", {
        "plan": plan, "engine": engine, "rows": services.rows(plan, engine=engine), "repeat_form": RepeatForm(),
        "skipped_days": _days(engine.skipped),
    })


@login_required
@require_POST
def plan_repeat(request, pk: int):
    plan = get_plan_for(request.user, pk)
    form = RepeatForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a week from 1 to 10 to repeat."))
    else:
        sessions_before = plan.sessions
        try:
            services.repeat_week(plan, form.cleaned_data["week"], user=request.user)
        except InputError as exc:
            messages.error(request, exc.message)
        except services.PlanFull as exc:
            messages.error(request, str(exc))
        else:
            week = form.cleaned_data["week"]
            if plan.sessions > sessions_before:
                messages.success(request, _(
                    "Week %(week)s will run again. The plan now has %(sessions)s sessions, so every week "
                    "through the festival still has one."
                ) % {"week": week, "sessions": plan.sessions})
            else:
                messages.success(request, _("Week %(week)s will run again; the plan has moved on.") % {"week": week})
    return redirect("schoolyard:plan", pk=plan.pk)


@login_required
@require_POST
def plan_drop_repeat(request, pk: int, week: int):
    plan = get_plan_for(request.user, pk)
    try:
        services.drop_repeat(plan, week, user=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Week %(week)s runs once less; the later sessions moved back.") % {"week": week})
    return redirect("schoolyard:plan", pk=plan.pk)


@login_required
@require_POST
def session_mark(request, pk: int, number: int):
    plan = get_plan_for(request.user, pk)
    if not 1 <= number <= plan.sessions:
        raise Http404("No such session.")
    form = MarkForm(request.POST)
    if form.is_valid():
        services.mark_session(plan, number, done=form.cleaned_data["done"], note=form.cleaned_data["note"],
                              user=request.user)
        messages.success(request, _("Session %(number)s saved.") % {"number": number})
    else:
        messages.error(request, _("Session %(number)s: the note can be at most 500 characters.") % {"number": number})
    return redirect(reverse("schoolyard:plan", args=[plan.pk]) + f"#session-{number}")


@login_required
def plan_print(request, pk: int):
    plan = get_plan_for(request.user, pk)
    engine = services.engine_plan(plan)
    return render(request, "schoolyard/plan_print.html",
                  {"plan": plan, "engine": engine, "rows": services.rows(plan, engine=engine),
                   "skipped_days": _days(engine.skipped)})


@login_required
def plan_ics(request, pk: int):
    plan = get_plan_for(request.user, pk)
    body = plan_calendar(plan, services.rows(plan), request.build_absolute_uri(reverse("schoolyard:plan", args=[pk])))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="school-yard-plan-{plan.pk}.ics"'
    return response
