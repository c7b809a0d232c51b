"""The address of the person on the other end of a request.

Behind a reverse proxy every request comes from the proxy; the proxy names
the client in X-Forwarded-For, appending to whatever the client itself sent.
So the header is believed only when REMOTE_ADDR is one of TRUSTED_PROXIES,
and then only from the right: the right-most address that is not itself a
trusted proxy is the first one no proxy of ours vouches for, and everything
left of it is the client's own writing.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    """The client's IP address, honouring TRUSTED_PROXIES and nothing else."""
    remote = _clean(request.META.get("REMOTE_ADDR", ""))
    trusted = set(settings.TRUSTED_PROXIES)
    if remote is None or remote not in trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for item in reversed(forwarded.split(",")):
        address = _clean(item)
        if address is None:
            # A garbled entry cannot be skipped over: what lies left of it
            # came through a hop we cannot vouch for.
            return remote
        if address not in trusted:
            return address
    return remote


def _clean(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
