"""The language switcher and the `hreflang` alternates of a public page."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language in its own name; the current one marked."""
    request = context.get("request")
    current = translation.get_language()
    return {
        "languages": [
            {"code": code, "name": name, "current": code == current} for code, name in settings.LANGUAGES
        ],
        "next": request.get_full_path() if request is not None else "/",
        "signed_in": bool(request is not None and request.user.is_authenticated),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def page_alternates(context, page):
    """(hreflang, absolute URL) for every live translation of a CMS `page`,
    English also as x-default; and the page's own canonical address."""
    request = context.get("request")
    found = []
    default = None
    for translated in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translated.get_full_url(request)
        if url is None:
            continue
        code = translated.locale.language_code
        found.append((code, url))
        if code == settings.LANGUAGE_CODE:
            default = url
    if len(found) < 2:
        return {"alternates": [], "canonical": page.get_full_url(request)}
    found.sort(key=lambda pair: [code for code, _name in settings.LANGUAGES].index(pair[0])
               if pair[0] in dict(settings.LANGUAGES) else len(settings.LANGUAGES))
    if default:
        found.append(("x-default", default))
    return {"alternates": found, "canonical": page.get_full_url(request)}
