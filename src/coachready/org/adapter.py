"""How allauth fits CoachReady: internal usernames, a volunteer record for
every signed-in volunteer, and the one outbox for allauth's own email."""

from __future__ import annotations

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils.html import urlize
from django.utils.translation import gettext


def needs_volunteer_record(user) -> bool:  # noqa: ANN001 - org.User
    """A signed-in account that is neither linked to a volunteer nor staff
    (site staff may work without a volunteer record)."""
    return (
        getattr(user, "is_authenticated", False)
        and not (user.is_staff or user.is_superuser)
        and user.person_or_none is None
    )


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:  # noqa: ANN001
        # allauth's rate limits (failed sign-ins per address among them) count
        # per client address: the same one every other limit uses.
        from coachready.core.client_address import client_address

        address = client_address(request)
        if not address:
            raise PermissionDenied(gettext("Unable to determine client IP address"))
        return address

    def populate_username(self, request, user) -> None:  # noqa: ANN001
        # People sign in by email; the username column is unique but unused,
        # so each account gets an opaque one (an empty one collides with the
        # next sign-up).
        if not user.username:
            user.username = f"u-{uuid.uuid4().hex}"

    def get_login_redirect_url(self, request) -> str:  # noqa: ANN001
        if needs_volunteer_record(request.user):
            return reverse("org:volunteer_record")
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Verification, password-reset and security notices go through the
        # outbox like every other email: stored first, sent by the worker,
        # retried on failure. Links in them are built from the request, so
        # they lead back to the address the person is using.
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        from coachready.core.mail import queue_and_send

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, ctx)
        html = next((body for body, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
        if not html:
            # allauth's messages are plain text; every email we send has an
            # HTML part too, with its links clickable.
            html = linebreaks_filter(urlize(message.body, autoescape=True), autoescape=False)
        queue_and_send(message.to, message.subject, message.body, html, template=template_prefix)
