"""The emails an inbox item sends: the region's notice and the sender's
acknowledgement. Both are written to the outbox in the transaction that
stores the item, so the one outbox engine sends, retries and claims them
like every other email (see coachready.notify.outbox)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coachready.core.mail import queue_and_send, render_email
from coachready.org.models import Role, RoleAssignment
from coachready.site.models import ContactMessage, InterestNote


def _rca_emails(region) -> list[str]:  # noqa: ANN001 - org.Region
    return sorted(
        set(
            RoleAssignment.objects.active_on(timezone.localdate())
            .filter(region=region, role=Role.REGIONAL_COACH_ADMINISTRATOR)
            .exclude(person__email="")
            .values_list("person__email", flat=True)
        )
    )


def notice_recipients(item: ContactMessage | InterestNote) -> list[str]:
    """Contact messages go to the region's contact address, interest to its
    coach administrators; each falls back on the other."""
    region = item.region
    if isinstance(item, ContactMessage):
        return [region.email] if region.email else _rca_emails(region)
    return _rca_emails(region) or ([region.email] if region.email else [])


def _queue(to: list[str], subject: str, template: str, context: dict, region, reply_to=()):  # noqa: ANN001,ANN202
    text, html = render_email(template, {"region": region, **context})
    return queue_and_send(to, subject, text, html, reply_to=list(reply_to), template=template, region=region)


def queue_emails(item: ContactMessage | InterestNote) -> None:
    """Write the item's two emails to the outbox and point the item at them.
    Called inside the transaction that stores the item. A region with no
    address to notify gets no notice row; the item still waits in its inbox.

    The acknowledgement is written in the language the visitor read the site
    in (the active one: they wrote from that language's page); the notice,
    addressed to the region's shared address or its coach administrators,
    in the region's working language, settings.LANGUAGE_CODE."""
    region = item.region
    to = notice_recipients(item)
    region_reply = [region.email] if region.email else []
    if isinstance(item, ContactMessage):
        if to:
            with translation.override(settings.LANGUAGE_CODE):
                item.notice_email = _queue(
                    to, _("Website message: %(topic)s from %(name)s") % {
                        "topic": item.get_topic_display(), "name": item.name,
                    },
                    "site/email/contact_notice",
                    {"item": item, "inbox_url": reverse("site:inbox_message", args=[region.number, item.pk])},
                    region, reply_to=[item.email],
                )
        item.ack_email = _queue(
            [item.email], _("We received your message — %(region)s") % {"region": region.display_name},
            "site/email/contact_ack", {"item": item}, region, reply_to=region_reply,
        )
    else:
        if to:
            with translation.override(settings.LANGUAGE_CODE):
                item.notice_email = _queue(
                    to, _("New volunteer coach interest: %(name)s") % {"name": item.person.display_name},
                    "site/email/interest_notice",
                    {"item": item, "person": item.person,
                     "inbox_url": reverse("site:inbox_interest", args=[region.number, item.pk])},
                    region, reply_to=[item.person.email],
                )
        item.ack_email = _queue(
            [item.person.email], _("Thank you for volunteering — %(region)s") % {"region": region.display_name},
            "site/email/interest_ack", {"item": item, "person": item.person}, region, reply_to=region_reply,
        )
    item.save(update_fields=["notice_email", "ack_email"])
