"""Administrators hold volunteers' personal data: their accounts must have a
second factor before they can use anything but the account pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from coachready.org.access import is_admin

_OPEN_PREFIXES = ("/accounts/", "/static/", "/media/", "/api/")


class AdminMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_ADMINS
            and request.user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and is_admin(request.user)
            and not _has_totp(request.user)
        ):
            messages.warning(
                request,
                "Your role gives you access to volunteers' personal data. "
                "Set up two-factor authentication to continue.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
