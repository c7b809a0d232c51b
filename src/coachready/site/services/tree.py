"""Building a region's website: its Wagtail Site, a default page tree with
starting content, its editor group and its media collection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.search import index

from coachready.org.audit import log_action
from coachready.org.models import Region
from coachready.site import content
from coachready.site.models import (
    CoachRequirementsPage,
    ContactPage,
    HeadingRulesPage,
    HomePage,
    RegionSite,
    SchoolYardPage,
    StandardPage,
    TrainingCalendarPage,
)


class SiteSetupError(Exception):
    """The site cannot be built as asked (the message says why)."""


@dataclass(frozen=True)
class SeedPage:
    """A default page under the home page: the home page's field that links
    it (if any), its slug (the same in every language, so a page's address
    differs between languages only by the prefix), whether it shows in the
    menu, and how to make it with words in the active language."""

    field: str | None
    slug: str
    menu: bool
    build: Callable[[Region], Page]


def _become(region: Region) -> Page:
    return CoachRequirementsPage(
        title=_("Become a coach"), intro=content.become_intro(), outro=content.become_outro(),
        search_description=_("What a volunteer coach needs: certifications, renewal periods, division courses, "
                             "steps and cross-certification."),
    )


def _heading(region: Region) -> Page:
    return HeadingRulesPage(
        title=_("Heading the ball"), intro=content.heading_intro(),
        search_description=_("Heading rules for each division, in practice and in matches."),
    )


def _schoolyard(region: Region) -> Page:
    return SchoolYardPage(
        title=_("School Yard"), intro=content.schoolyard_intro(),
        search_description=_("Ten weeks of one-with-one soccer for the youngest players."),
    )


def _clinics(region: Region) -> Page:
    return TrainingCalendarPage(
        title=_("Coach clinics"), intro=content.clinics_intro(),
        search_description=_("Upcoming certification classes and coach clinics."),
    )


def _partners(region: Region) -> Page:
    return StandardPage(title=_("National partners"), body=content.partners())


def _contact(region: Region) -> Page:
    return ContactPage(
        title=_("Contact us"), intro=content.contact_intro(region),
        thanks=_("Thank you. Your message has reached the region; we will answer by email."),
        search_description=_("Write to %(region)s, call, or send post.") % {"region": region.display_name},
    )


def _privacy(region: Region) -> Page:
    return StandardPage(title=_("Privacy statement"), body=content.privacy(region))


def _terms(region: Region) -> Page:
    return StandardPage(title=_("Terms of use"), body=content.terms(region))


def _childrens_privacy(region: Region) -> Page:
    return StandardPage(title=_("Children's privacy policy"), body=content.childrens_privacy(region))


def _job_description(region: Region) -> Page:
    return StandardPage(
        title=_("Coach job description"),
        intro=_("What a volunteer coach does for the players, the families and the region."),
        body=content.job_description(region),
        search_description=_("The duties of a volunteer coach: skills, attitude, teamwork, sportsmanship, "
                             "certification and safety."),
    )


def _licence(region: Region) -> Page:
    return StandardPage(title=_("License Agreement"), body=content.licence_agreement(region))


# In menu order. The job description and the licence agreement came later:
# `add_missing_seed_pages` gives them to sites built before them.
SEED_PAGES = (
    SeedPage("become_coach_page", "become-a-coach", True, _become),
    SeedPage(None, "heading-the-ball", True, _heading),
    SeedPage(None, "school-yard", True, _schoolyard),
    SeedPage("training_page", "coach-clinics", True, _clinics),
    SeedPage(None, "national-partners", True, _partners),
    SeedPage("contact_page", "contact", True, _contact),
    SeedPage("privacy_page", "privacy", False, _privacy),
    SeedPage("terms_page", "terms", False, _terms),
    SeedPage("children_privacy_page", "childrens-privacy", False, _childrens_privacy),
    SeedPage("job_description_page", "coach-job-description", False, _job_description),
    SeedPage("licence_page", "license-agreement", False, _licence),
)
LATER_SEED_PAGES = ("job_description_page", "licence_page")


def _add(parent: Page, page: Page, *, slug: str, menu: bool) -> Page:
    page.slug = slug
    page.show_in_menus = menu
    parent.add_child(instance=page)
    return page


def ensure_locales() -> list[Locale]:
    """A Wagtail locale for every content language, the default first. The
    site app's migration makes them; a flushed or partially restored
    database may lack them, and building a site puts them back."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    ordered = [default] + [code for code in codes if code != default]
    return [Locale.objects.get_or_create(language_code=code)[0] for code in ordered]


def _tree_root() -> Page:
    """The root of the page tree. Wagtail's migrations create it and the
    default locale, but a database restored from a partial dump or flushed
    has neither; building a region's site puts them back rather than fail."""
    root = Page.get_first_root_node()
    if root is not None:
        return root
    ensure_locales()
    return Page.add_root(
        instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
    )


def _remove_wagtail_placeholder() -> None:
    # A fresh install has Wagtail's "Welcome to your new Wagtail site!" page
    # under the root; once a region site replaces it nothing points to it.
    plain = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain, numchild=0):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()


def _home_page(region: Region) -> HomePage:
    words = content.home(region)
    return HomePage(**words)


def _seed_language(home: HomePage, region: Region, locale: Locale, seeds=SEED_PAGES) -> list[Page]:  # noqa: ANN001
    """Give `home` (the site's root page, in the default language) its
    translation in `locale` and the translation of each seed page it lacks
    there, written in that language; the pages made. Each is a Wagtail
    translation of the default-language page (same translation key), so
    the CMS shows them as one page in several languages."""
    made: list[Page] = []
    with translation.override(locale.language_code):
        local_home = home.get_translation_or_none(locale)
        if local_home is None:
            local_home = _home_page(region)
            local_home.locale, local_home.translation_key = locale, home.translation_key
            _add(home.get_parent(), local_home, slug=f"{home.slug}-{locale.language_code}", menu=False)
            made.append(local_home)
        local_home = local_home.specific
        for seed in seeds:
            source = getattr(home, seed.field) if seed.field else home.get_children().filter(slug=seed.slug).first()
            if source is None:
                continue
            page = source.get_translation_or_none(locale)
            if page is None:
                page = seed.build(region)
                page.locale, page.translation_key = locale, source.translation_key
                _add(local_home, page, slug=source.slug, menu=source.show_in_menus)
                made.append(page)
            if seed.field:
                setattr(local_home, seed.field, page)
        local_home.save()
    return made


def _publish_and_index(pages, user: Any = None) -> None:  # noqa: ANN001 - Wagtail pages
    """Publish each page through a revision, as an editor would (the history
    starts here, and scheduling a later version keeps this one live), and
    index it now rather than through the task queue, so search works on a
    fresh install before any worker has run."""
    for page in Page.objects.filter(pk__in=[p.pk for p in pages]).order_by("path").specific():
        page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
        index.insert_or_update_object(page)


@transaction.atomic
def create_region_site(
    region: Region, *, hostname: str = "localhost", port: int = 80, default: bool = False, user: Any = None
) -> tuple[RegionSite, bool]:
    """The region's website, built once, in every content language; (region site, created)."""
    existing = RegionSite.objects.filter(region=region).select_related("site").first()
    if existing is not None:
        return existing, False
    site = Site.objects.filter(hostname=hostname, port=port).first()
    if site is not None and RegionSite.objects.filter(site=site).exists():
        raise SiteSetupError(f"The site {hostname}:{port} already belongs to another region.")

    root = _tree_root()
    slug = f"region-{region.number}"
    if root.get_children().filter(slug=slug).exists():
        raise SiteSetupError(f"A page with the slug {slug!r} already exists at the top of the tree.")
    default_locale, *other_locales = ensure_locales()
    with translation.override(default_locale.language_code):
        home = _home_page(region)
        home.locale = default_locale
        _add(root, home, slug=slug, menu=False)
        for seed in SEED_PAGES:
            page = _add(home, seed.build(region), slug=seed.slug, menu=seed.menu)
            if seed.field:
                setattr(home, seed.field, page)
        home.save()
    pages = list(home.get_descendants(inclusive=True))
    for locale in other_locales:
        pages += _seed_language(home, region, locale)
    _publish_and_index(pages, user=user)

    if site is None:
        site = Site(hostname=hostname, port=port)
    if default:
        Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
        site.is_default_site = True
    site.root_page = home
    site.site_name = region.display_name
    site.save()
    _remove_wagtail_placeholder()

    region_site = RegionSite.objects.create(site=site, region=region)
    from coachready.site.editors import sync_region_editors

    sync_region_editors(region)
    log_action(
        "site.site.created", user=user, obj=region_site, region=region,
        summary=f"Website created at {hostname}:{port}", data={"hostname": hostname, "port": port, "root": home.pk},
    )
    return region_site, True


@transaction.atomic
def add_missing_seed_pages(region_site: RegionSite, *, user: Any = None) -> list[str]:
    """Give a site built before them the job description and licence
    agreement pages, and the site's pages in each content language they
    lack; the titles added (a translation's followed by its language). A page is added only
    where the home page links none and no page has its slug, so an editor's
    own is kept."""
    home = region_site.site.root_page.specific
    if not isinstance(home, HomePage):
        return []
    default_locale, *other_locales = ensure_locales()
    new: list[Page] = []
    with translation.override(default_locale.language_code):
        for seed in SEED_PAGES:
            if seed.field not in LATER_SEED_PAGES:
                continue
            if getattr(home, f"{seed.field}_id") is None and not home.get_children().filter(slug=seed.slug).exists():
                page = _add(home, seed.build(region_site.region), slug=seed.slug, menu=seed.menu)
                setattr(home, seed.field, page)
                new.append(page)
        if new:
            home.save()
    translated: list[Page] = []
    for locale in other_locales:
        translated += _seed_language(home, region_site.region, locale)
    if not new and not translated:
        return []
    _publish_and_index(new + translated, user=user)
    log_action(
        "site.site.pages_added", user=user, obj=region_site, region=region_site.region,
        summary="Pages added: " + ", ".join(p.title for p in new + translated),
        data={"pages": [p.pk for p in new + translated]},
    )
    if translated:
        # The editors' page permissions cover each language's home page.
        from coachready.site.editors import sync_region_editors

        sync_region_editors(region_site.region)
    return [p.title for p in new] + [f"{p.title} ({p.locale.get_display_name()})" for p in translated]


@transaction.atomic
def set_region_address(region: Region, *, hostname: str, port: int, user: Any = None) -> RegionSite:
    """Move the region's website to hostname:port: where it is served, and
    the address every link about the region is built on (core.addresses)."""
    region_site = RegionSite.objects.select_related("site").select_for_update().get(region=region)
    site = region_site.site
    before = (site.hostname, site.port)
    if before == (hostname, port):
        return region_site
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        raise SiteSetupError(f"The address {hostname}:{port} already belongs to another site.")
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    log_action(
        "site.site.address_changed", user=user, obj=region_site, region=region,
        summary=f"Website moved from {before[0]}:{before[1]} to {hostname}:{port}",
        data={"hostname": [before[0], hostname], "port": [before[1], port]},
    )
    return region_site
