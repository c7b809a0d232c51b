"""Who may read a region's inbox: the region's administrators, through
coachready.org.access like every other region page."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from coachready.org.access import get_region_for
from coachready.site.models import ContactMessage, InterestNote


def get_inbox_region_for(user, number: int):  # noqa: ANN001
    return get_region_for(user, number)


def get_message_for(user, number: int, pk: int) -> ContactMessage:  # noqa: ANN001
    region = get_region_for(user, number)
    item = ContactMessage.objects.filter(region=region, pk=pk).select_related("region", "handled_by").first()
    if item is None:
        raise Http404(_("No such message."))
    return item


def get_interest_for(user, number: int, pk: int) -> InterestNote:  # noqa: ANN001
    region = get_region_for(user, number)
    item = InterestNote.objects.filter(region=region, pk=pk).select_related("region", "person", "handled_by").first()
    if item is None:
        raise Http404(_("No such volunteer interest."))
    return item
