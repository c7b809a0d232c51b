"""The address every absolute link is built on.

A region's public address is its Wagtail Site (hostname and port; port 443
means https), set by `coachready create-region-site --hostname H --port P`.
Links in emails, calendar feeds and exports use the address of the region
they speak for; where no region site exists they use the address the
request came in on, then SITE_URL, then the default region's site. Pages
themselves link with paths, so they stay on whatever address served them.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Site

_MEMO = "_coachready_base_url"
_FALLBACK = "_coachready_fallback_url"


def region_base_url(region) -> str | None:  # noqa: ANN001 - org.Region
    """scheme://host[:port] of the region's website, or None when it has none.
    Remembered on the region object, so a bulk run over one region's people
    asks the database once."""
    if region is None:
        return None
    if _MEMO in region.__dict__:
        return region.__dict__[_MEMO]
    site = Site.objects.filter(region_site__region=region).only("hostname", "port").first()
    url = site.root_url if site is not None else None
    region.__dict__[_MEMO] = url
    return url


def base_url(region=None, request=None) -> str:  # noqa: ANN001
    """scheme://host[:port] (no trailing slash) for links about `region`."""
    url = region_base_url(region)
    if url:
        return url
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    if region is not None:
        if _FALLBACK not in region.__dict__:
            region.__dict__[_FALLBACK] = _deployment_base_url()
        return region.__dict__[_FALLBACK]
    return _deployment_base_url()


def _deployment_base_url() -> str:
    if settings.SITE_URL:
        return settings.SITE_URL
    from coachready.org.models import Region

    default = Region.objects.filter(number=settings.DEFAULT_REGION_NUMBER).first()
    url = region_base_url(default)
    if url:
        return url
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site is not None else "http://localhost"


def absolute_url(path: str, *, region=None, request=None) -> str:  # noqa: ANN001
    """`path` (starting with "/") on the region's address."""
    return base_url(region, request) + path
