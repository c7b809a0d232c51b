"""Which language a request is answered in, and how a reader changes it.

The order, first that applies:

1. a language prefix on a public page's address (`/es/…`, `/zh-hant/…`):
   an explicit link always wins, so a shared link opens as it was sent;
2. the language cookie, set by the switcher on every page;
3. a signed-in person's own language (their profile), which also sets the
   cookie so the next request needs no lookup;
4. the browser's Accept-Language;
5. English.

Addresses without a prefix (the product's own pages, and the public site's
English addresses) are answered in the chosen language rather than
redirected: a Spanish-reading parent who follows a link to
`/become-a-coach/` reads it in Spanish. Pages name their prefixed versions
in `hreflang` links, so search engines still find one address per language.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import LocalePrefixPattern, URLResolver, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers

SUPPORTED = frozenset(code for code, _name in settings.LANGUAGES)


def supported(code: object) -> str | None:
    """`code` as one of LANGUAGES (`zh-TW` → `zh-hant`, `es-MX` → `es`), or
    None when it names no language the product speaks."""
    if not isinstance(code, str) or not code or len(code) > 20:
        return None
    try:
        return translation.get_supported_language_variant(_alias(code.strip()))
    except LookupError:
        return None


# Browsers and spreadsheets name Chinese by region as often as by script.
_CHINESE = {
    "zh-tw": "zh-hant", "zh-hk": "zh-hant", "zh-mo": "zh-hant",
    "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-my": "zh-hans", "zh": "zh-hans",
}


def _alias(code: str) -> str:
    lowered = code.lower().replace("_", "-")
    return _CHINESE.get(lowered, lowered)


def from_accept_language(header: str) -> str | None:
    """The first language of an Accept-Language header the product speaks,
    by the header's own preference order (q-values honoured)."""
    for accepted, _q in translation.trans_real.parse_accept_lang_header(header[:500]):
        if accepted == "*":
            break
        found = supported(accepted)
        if found:
            return found
    return None


def person_language(request) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    person = user.person_or_none
    return supported(person.language if person is not None else user.language)


def choose(request) -> tuple[str, str]:
    """The language for `request`, and where the choice came from."""
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path, "path"
    cookie = supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if cookie:
        return cookie, "cookie"
    own = person_language(request)
    if own:
        return own, "profile"
    browser = from_accept_language(request.headers.get("Accept-Language", ""))
    if browser:
        return browser, "browser"
    return settings.LANGUAGE_CODE, "default"


def translated_path(path: str, code: str) -> str:
    """`path` (a path on this site) as it reads in language `code`:
    `/es/become-a-coach/` → `/zh-hans/become-a-coach/`; the product's own
    pages keep their address. Resolved in the language of its own prefix."""
    with translation.override(translation.get_language_from_path(path) or translation.get_language()):
        return translate_url(path, code)


def remember(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class LanguageMiddleware:
    """Django's LocaleMiddleware, with the person's own language between the
    cookie and the browser's, and unprefixed addresses served in the chosen
    language (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language, source = choose(request)
        # Put back what was active before, so nothing outlives the request
        # in the thread (a test, a task run in the same process).
        previous = translation.get_language()
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        try:
            response = self.get_response(request)
        finally:
            translation.activate(previous) if previous else translation.deactivate()
        if source == "profile":
            remember(response, language)
        if source != "path":
            # The same address answers in different languages.
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


class ChosenLanguagePrefixPattern(LocalePrefixPattern):
    """Matches `/<language>/…` for the active language, as Django's does,
    and also an address with no language prefix whatever the active language,
    so `/become-a-coach/` answers in the reader's language. Reversing gives
    the prefixed address of the active language (none for English)."""

    def match(self, path):
        prefix = self.language_prefix
        if prefix and path.startswith(prefix):
            return path.removeprefix(prefix), (), {}
        first = path.split("/", 1)[0]
        if supported(first) == first and first in SUPPORTED:
            return None  # another language's prefix: not this one's page
        return path, (), {}


def language_patterns(*urls):
    """Like django.conf.urls.i18n.i18n_patterns(prefix_default_language=False),
    with ChosenLanguagePrefixPattern."""
    return [URLResolver(ChosenLanguagePrefixPattern(prefix_default_language=False), list(urls))]


def save_for_person(request, code: str) -> None:
    """Keep a signed-in person's choice on their profile (with an audit
    entry), so their email and their next sign-in elsewhere use it."""
    from coachready.org import services

    services.set_language(request.user.person_or_none, code, user=request.user)
