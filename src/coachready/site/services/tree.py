"""Building a region's website: its Wagtail Site, a default page tree with
starting content, its editor group and its media collection."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
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


def _add(parent: Page, page: Page, *, menu: bool = True) -> Page:
    page.show_in_menus = menu
    parent.add_child(instance=page)
    return page


def _tree_root() -> Page:
    """The root of the page tree. Wagtail's migrations create it and the
    default locale, but a database restored from a partial dump or flushed
    has neither; building a region's site puts them back rather than fail."""
    root = Page.get_first_root_node()
    if root is not None:
        return root
    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
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


@transaction.atomic
def create_region_site(
    region: Region, *, hostname: str = "localhost", port: int = 80, default: bool = False, user: Any = None
) -> tuple[RegionSite, bool]:
    """The region's website, built once; (region site, created)."""
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
    words = content.home(region)
    home = HomePage(
        title=f"Region {region.number} home", slug=slug, seo_title="Home",
        hero_heading=words["hero_heading"], hero_text=words["hero_text"], mission=words["mission"],
        recruiting_text=words["recruiting_text"], search_description=words["search_description"],
    )
    root.add_child(instance=home)

    become = _add(home, CoachRequirementsPage(
        title="Become a coach", slug="become-a-coach", intro=content.BECOME_INTRO, outro=content.BECOME_OUTRO,
        search_description="What a volunteer coach needs: certifications, renewal periods, division courses, "
        "steps and cross-certification.",
    ))
    _add(home, HeadingRulesPage(
        title="Heading the ball", slug="heading-the-ball", intro=content.HEADING_INTRO,
        search_description="Heading rules for each division, in practice and in matches.",
    ))
    _add(home, SchoolYardPage(
        title="School Yard", slug="school-yard", intro=content.SCHOOLYARD_INTRO,
        search_description="Ten weeks of one-with-one soccer for the youngest players.",
    ))
    clinics = _add(home, TrainingCalendarPage(
        title="Coach clinics", slug="coach-clinics", intro=content.CLINICS_INTRO,
        search_description="Upcoming certification classes and coach clinics.",
    ))
    _add(home, StandardPage(title="National partners", slug="national-partners", body=content.PARTNERS))
    contact = _add(home, ContactPage(
        title="Contact us", slug="contact", intro=content.contact_intro(region),
        search_description=f"Write to {region.display_name}, call, or send post.",
    ))
    privacy = _add(home, StandardPage(title="Privacy statement", slug="privacy", body=content.privacy(region)),
                   menu=False)
    terms = _add(home, StandardPage(title="Terms of use", slug="terms", body=content.terms(region)), menu=False)
    children = _add(home, StandardPage(
        title="Children's privacy policy", slug="childrens-privacy", body=content.childrens_privacy(region),
    ), menu=False)
    job, licence = _job_description_page(home, region), _licence_page(home, region)

    home.become_coach_page, home.training_page, home.contact_page = become, clinics, contact
    home.privacy_page, home.terms_page, home.children_privacy_page = privacy, terms, children
    home.job_description_page, home.licence_page = job, licence
    home.save()
    # Publish each page through a revision, as an editor would: the history
    # starts here, and scheduling a later version keeps this one live.
    for page in home.get_descendants(inclusive=True).specific():
        page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    # Index now rather than through the task queue, so search works on a
    # fresh install before any worker has run.
    for page in home.get_descendants(inclusive=True).specific():
        index.insert_or_update_object(page)

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


def _job_description_page(home: HomePage, region: Region) -> Page:
    return _add(home, StandardPage(
        title=_("Coach job description"), slug="coach-job-description",
        intro=_("What a volunteer coach does for the players, the families and the region."),
        body=content.job_description(region),
        search_description=_("The duties of a volunteer coach: skills, attitude, teamwork, sportsmanship, "
                             "certification and safety."),
    ), menu=False)


def _licence_page(home: HomePage, region: Region) -> Page:
    return _add(home, StandardPage(
        title=_("License Agreement"), slug="license-agreement", body=content.licence_agreement(region),
    ), menu=False)


# Pages of the region's coach page that sites built before them lack: the
# home page's link field, the page's slug, and how to build it.
SEED_PAGES = {
    "job_description_page": ("coach-job-description", _job_description_page),
    "licence_page": ("license-agreement", _licence_page),
}


def _publish_and_index(pages) -> None:  # noqa: ANN001 - Wagtail pages
    """Publish each page through a revision, as an editor would, and index it
    now rather than through the task queue."""
    for page in pages:
        page.save_revision(log_action=False).publish(log_action=False)
        index.insert_or_update_object(page)


@transaction.atomic
def add_missing_seed_pages(region_site: RegionSite, *, user: Any = None) -> list[str]:
    """Give a site built before them the job description and licence
    agreement pages; the titles added. A page is added only where the home
    page links none and no page has its slug, so an editor's own is kept."""
    home = region_site.site.root_page.specific
    if not isinstance(home, HomePage):
        return []
    new = []
    for field, (slug, build) in SEED_PAGES.items():
        if getattr(home, f"{field}_id") is None and not home.get_children().filter(slug=slug).exists():
            page = build(home, region_site.region)
            setattr(home, field, page)
            new.append(page)
    if not new:
        return []
    home.save()
    _publish_and_index(new)
    log_action(
        "site.site.pages_added", user=user, obj=region_site, region=region_site.region,
        summary="Pages added: " + ", ".join(p.title for p in new), data={"pages": [p.pk for p in new]},
    )
    return [p.title for p in new]


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
