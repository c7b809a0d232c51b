"""Administrators hold volunteers' personal data: their sessions must have
passed a second factor before they can use anything but the account pages.

What counts is that *this session* authenticated with the second factor
(allauth records each method a session used), not that the account has a
device: a session signed in with the password alone, or signed in before the
device was added, must give the code before it reaches an administrator page.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coachready.org.access import is_admin

# The account pages (sign-in, the second-factor steps, setting one up), static
# files and the API (it reads no stored data) stay open.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/media/", "/api/")
# A passed check is remembered in the session for a few minutes, so a busy
# administrator's every click does not cost two queries; a role granted
# mid-session is still caught within that time.
_CHECKED = "coachready.mfa_checked"
RECHECK_SECONDS = 300


class AdminMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_ADMINS
            and request.user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and not _recently_checked(request)
        ):
            if needs_second_factor(request.user):
                if not _has_totp(request.user):
                    messages.warning(
                        request,
                        _(
                            "Your role gives you access to volunteers' personal data. "
                            "Set up two-factor authentication to continue."
                        ),
                    )
                    return redirect("mfa_activate_totp")
                if not passed_second_factor(request):
                    # allauth's own step asks for the code and records it in
                    # this session's authentication methods, as sign-in does;
                    # the password was already given in this session.
                    messages.info(request, _("Enter the code from your authenticator app to continue."))
                    return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
            request.session[_CHECKED] = [request.user.pk, time.time()]
        return self.get_response(request)


def needs_second_factor(user) -> bool:
    """Administrators of any part of the tree, and anyone who may enter the
    CMS or Django admin."""
    return bool(
        is_admin(user) or user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


def passed_second_factor(request) -> bool:
    """Did this session authenticate with the second factor (at sign-in, or
    when asked again)?"""
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, request.user)
    )


def _recently_checked(request) -> bool:
    checked = request.session.get(_CHECKED)
    return (
        isinstance(checked, list)
        and len(checked) == 2
        and checked[0] == request.user.pk
        and time.time() - checked[1] < RECHECK_SECONDS
    )


def forget_check(request) -> None:
    """Check again on the next request (an authenticator was removed)."""
    request.session.pop(_CHECKED, None)


def _has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def count_setup_as_second_factor(sender, request=None, user=None, authenticator=None, **kwargs) -> None:  # noqa: ANN001
    """An administrator who has just set up TOTP typed a code from it: record
    that in the session as allauth records a code typed at sign-in, so the
    next administrator page does not ask for another code at once."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator

    if request is None or authenticator is None or authenticator.type != Authenticator.Type.TOTP:
        return
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    forget_check(request)
