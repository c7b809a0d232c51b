"""The region's sitemap: every public page in every language it is written
in, each naming its translations (`xhtml:link hreflang`), so a search engine
shows a Spanish-reading parent the Spanish page.

Wagtail's own sitemap lists the site's root page and what lies under it;
with localisation each language's pages are a tree of their own beside it,
so this one walks every translation of the root."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translated_root in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=translated_root.path)
        return Page.objects.filter(trees).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        located = {}
        for item in self.paginator.page(page).object_list:
            located[item.get_full_url(self.request)] = item
        order = [code for code, _name in settings.LANGUAGES]
        for url in urls:
            item = located.get(url["location"])
            if item is None:
                continue
            translations = [
                (translated.locale.language_code, translated.get_full_url(self.request))
                for translated in item.get_translations(inclusive=True).live().public().select_related("locale")
            ]
            if len(translations) > 1:
                translations.sort(key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
                url["alternates"] = [{"lang_code": code, "location": where} for code, where in translations]
                default = dict(translations).get(settings.LANGUAGE_CODE)
                if default:
                    url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls


def sitemap(request):
    from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

    return wagtail_sitemap(request, sitemaps={"pages": AllLanguagesSitemap(request)})
