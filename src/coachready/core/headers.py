"""Browser policy headers on every response.

The Content-Security-Policy itself comes from django-csp (settings
CONTENT_SECURITY_POLICY: no inline script anywhere). This middleware adds
the Permissions-Policy, which Django has no setting for, and widens the
policy for the one place that needs it: Wagtail's editing interface. Its
own templates (page listing, page editor, users) carry inline <script>
blocks with per-page data, so neither hashes nor nonces can cover them, and
its widgets set inline styles. The CMS is for signed-in editors who passed
the second factor; nothing of ours needs the exception, so it stops at the
CMS prefix and every public and volunteer page keeps the strict policy.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# No page of the product uses these browser features; a page that is ever
# compromised cannot ask for them either. Fullscreen stays for our own origin
# (the PDF viewer of an evidence file uses it).
_DENIED = (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
    "gyroscope", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
    "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in _DENIED) + ", fullscreen=(self)"
# The field kit reads a Coach Pass's QR code with the phone's camera: the
# camera is ours to ask for on the kit's page only.
FIELD_PREFIX = "/field/"
FIELD_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()" for feature in _DENIED if feature != "camera"
) + ", camera=(self), fullscreen=(self)"

# Wagtail's admin only: its inline scripts and styles (see above).
CMS_PREFIX = "/cms/"
CMS_CSP_UPDATE = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}


class PolicyHeadersMiddleware:
    """Sits after django-csp's middleware, so its response is seen first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        field = request.path_info.startswith(FIELD_PREFIX)
        response.setdefault("Permissions-Policy", FIELD_PERMISSIONS_POLICY if field else PERMISSIONS_POLICY)
        if request.path_info.startswith(CMS_PREFIX):
            response._csp_update = CMS_CSP_UPDATE  # type: ignore[attr-defined]  # read by csp.middleware
        return response
