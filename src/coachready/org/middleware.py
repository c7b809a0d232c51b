"""Administrators hold volunteers' personal data: their accounts must have a
second factor before they can use anything but the account pages."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from coachready.org.access import is_admin

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
            if is_admin(request.user) and not _has_totp(request.user):
                messages.warning(
                    request,
                    "Your role gives you access to volunteers' personal data. "
                    "Set up two-factor authentication to continue.",
                )
                return redirect("mfa_activate_totp")
            request.session[_CHECKED] = [request.user.pk, time.time()]
        return self.get_response(request)


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
