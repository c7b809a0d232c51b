"""The public site's menu and footer, for Wagtail pages and the site's own
views (/volunteer/, /search/) alike."""

from __future__ import annotations

from django import template
from wagtail.models import Site

register = template.Library()


def _home(context):
    """The home page in the language being read: a page's own (its tree's
    top), else the translation of the site's root page in the active language."""
    home = context.get("home")
    if home is not None:
        return home
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    from coachready.site.models import HomePage

    root = site.root_page.localized.specific
    return root if isinstance(root, HomePage) else None


@register.inclusion_tag("site/_menu.html", takes_context=True)
def site_menu(context):
    home = _home(context)
    current = context.get("page")
    items = list(home.get_children().live().in_menu()) if home is not None else []
    return {"home": home, "items": items, "current": current, "request": context.get("request")}


@register.inclusion_tag("site/_footer.html", takes_context=True)
def site_footer(context):
    home = _home(context)
    return {
        "home": home,
        "region": context.get("current_region"),
        "user": context.get("user"),
        "request": context.get("request"),
    }
