"""The region's inbox: website messages and volunteer interest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coachready.site.access import get_inbox_region_for, get_interest_for, get_message_for
from coachready.site.models import ContactMessage, InterestNote
from coachready.site.services.inbox import mark_handled

SHOW = {"open": {"handled_at__isnull": True}, "handled": {"handled_at__isnull": False}, "all": {}}


@login_required
def inbox(request, number: int):
    region = get_inbox_region_for(request.user, number)
    show = request.GET.get("show", "open")
    if show not in SHOW:
        show = "open"
    interest = InterestNote.objects.filter(region=region, **SHOW[show]).select_related("person", "notice_email")
    contact = ContactMessage.objects.filter(region=region, **SHOW[show]).select_related("notice_email")
    return render(request, "site/inbox.html", {
        "region": region, "show": show,
        "interest": Paginator(interest, 25).get_page(request.GET.get("ipage")),
        "page": Paginator(contact, 50).get_page(request.GET.get("page")),
    })


@login_required
def message_detail(request, number: int, pk: int):
    item = get_message_for(request.user, number, pk)
    return render(request, "site/inbox_item.html", {"region": item.region, "item": item, "kind": "contact"})


@login_required
def interest_detail(request, number: int, pk: int):
    item = get_interest_for(request.user, number, pk)
    return render(request, "site/inbox_item.html", {"region": item.region, "item": item, "kind": "interest"})


@login_required
@require_POST
def message_handled(request, number: int, pk: int):
    item = mark_handled(get_message_for(request.user, number, pk), user=request.user)
    messages.success(request, _("Marked as handled."))
    return redirect("site:inbox_message", number=item.region.number, pk=item.pk)


@login_required
@require_POST
def interest_handled(request, number: int, pk: int):
    item = mark_handled(get_interest_for(request.user, number, pk), user=request.user)
    messages.success(request, _("Marked as handled."))
    return redirect("site:inbox_interest", number=item.region.number, pk=item.pk)
