"""Notify's pages: a region's reminder schedule, digest and outbox, and a
volunteer's own email preferences. Thin: lookups through notify.access,
writes through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coachready.core.inputs import parse_date
from coachready.core.policy_words import local
from coachready.core.tasks import deliver_email_task
from coachready.notify.access import get_email_for, get_notify_region_for, own_person, preference_for
from coachready.notify.forms import PreferenceForm, ReminderScheduleForm
from coachready.notify.models import OutboundEmail
from coachready.notify.models.outbox import MAX_ATTEMPTS
from coachready.notify.outbox import retry_now
from coachready.notify.schedule import lapses_on
from coachready.notify.services.digest import build_digest, digest_recipients
from coachready.notify.services.reminder_schedule import ScheduleError, profile_defaults, set_reminder_days
from coachready.notify.services.reminders import region_reminder_log, send_reminders
from coachready.org.audit import log_action

PROBLEMS = (OutboundEmail.Status.FAILED, OutboundEmail.Status.GAVE_UP)


@login_required
def reminders(request, number: int):
    region = get_notify_region_for(request.user, number)
    policy = region.policy()
    form = ReminderScheduleForm(
        request.POST if request.method == "POST" else None, policy=policy, defaults=profile_defaults(region)
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = set_reminder_days(
                region, {code: form.cleaned_data[code] for code in form.codes}, user=request.user
            )
        except ScheduleError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Reminder days saved.") if changed else _("Nothing changed."))
            return redirect("notify:reminders", number=region.number)
    last_run, sent = region_reminder_log(region)
    titles = {code: local(spec, "title") for code, spec in policy.requirements.items()}
    return render(request, "notify/reminders.html", {
        "region": region, "form": form, "policy": policy, "last_run": last_run,
        "sent": [(r, titles.get(r.requirement, r.requirement), lapses_on(r.valid_until)) for r in sent],
    })


@login_required
@require_POST
def send_reminders_now(request, number: int):
    """Send today's due reminders for this region at once (the daily run
    would send the same ones; each goes out only once either way)."""
    region = get_notify_region_for(request.user, number)
    summary = send_reminders(timezone.localdate(), region, user=request.user)
    if summary.emails:
        messages.success(request, ngettext(
            "%(count)d reminder email is on its way.", "%(count)d reminder emails are on their way.", summary.emails,
        ) % {"count": summary.emails})
    else:
        messages.info(request, _("No reminder is due today that has not already been sent."))
    return redirect("notify:reminders", number=region.number)


@login_required
def digest(request, number: int):
    region = get_notify_region_for(request.user, number)
    as_of, error = timezone.localdate(), ""
    if request.GET.get("as_of"):
        day = parse_date(request.GET["as_of"])
        if day is None:
            error = _("That is not a date; showing today's digest. Use YYYY-MM-DD.")
        else:
            as_of = day
    return render(
        request, "notify/digest.html",
        {"region": region, "digest": build_digest(region, as_of), "as_of": as_of, "error": error,
         "recipients": digest_recipients(region, as_of)},
    )


@login_required
def mail(request, number: int):
    region = get_notify_region_for(request.user, number)
    emails = OutboundEmail.objects.filter(region=region)
    status = request.GET.get("status", "problems")
    if status not in {"problems", "all", *OutboundEmail.Status.values}:
        status = "problems"
    shown = emails.filter(status__in=PROBLEMS) if status == "problems" else (
        emails if status == "all" else emails.filter(status=status)
    )
    counts = dict(emails.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    page = Paginator(shown.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request, "notify/mail.html",
        {"region": region, "page": page, "status": status, "statuses": OutboundEmail.Status.choices,
         "counts": [(value, label, counts.get(value, 0)) for value, label in OutboundEmail.Status.choices],
         "max_attempts": MAX_ATTEMPTS},
    )


@login_required
@require_POST
def retry(request, number: int, pk: int):
    region, email = get_email_for(request.user, number, pk)
    try:
        retry_now(email, user=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        deliver_email_task.enqueue(email.pk)
        messages.success(request, _("“%(subject)s” will be sent again now.") % {"subject": email.subject})
    return redirect("notify:mail", number=region.number)


@login_required
def preferences(request):
    person = own_person(request.user)
    preference = preference_for(person)
    form = PreferenceForm(request.POST if request.method == "POST" else None, instance=preference)
    if request.method == "POST" and form.is_valid():
        old = preference.frequency if preference.pk else None
        with transaction.atomic():
            saved = form.save()
            log_action(
                "notify.preference.changed", user=request.user, obj=saved, region=person.home_region_id,
                summary=f"{person.display_name}: optional email {saved.get_frequency_display().lower()}",
                data={"frequency": [old, saved.frequency]},
            )
        messages.success(request, _("Your email preference is saved."))
        return redirect("notify:preferences")
    return render(request, "notify/preferences.html", {"person": person, "form": form})
