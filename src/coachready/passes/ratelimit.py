"""A fixed-window request counter per client address, in the shared cache
(so every server process counts together)."""

from __future__ import annotations

from django.core.cache import cache

from coachready.core.client_address import client_address


def over_limit(request, scope: str, *, limit: int, window: int) -> bool:  # noqa: ANN001
    """Count this request; True once the client made more than `limit` in
    the current `window` seconds for `scope`."""
    key = f"passes:rate:{scope}:{client_address(request) or 'unknown'}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=window)
        return False
    return count > limit
