"""What makes a cached public page out of date, as signals: each handler
bumps the generation of the site(s) whose pages could show the change
(`coachready.site.pagecache`)."""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from coachready.site import pagecache


def on_page_published(sender, instance, **kwargs):
    # A page shows in its parent's menu and the home page's links, so the
    # whole site it belongs to goes, not only its own path.
    pagecache.bump_paths([instance.url_path])


def on_page_moved(sender, instance, url_path_before="", url_path_after="", **kwargs):
    pagecache.bump_paths([url_path_before, url_path_after])


def on_page_deleted(sender, instance, **kwargs):
    pagecache.bump_paths([instance.url_path])


def on_any_site_change(sender, **kwargs):
    # Host names and root pages decide which site a request is for.
    pagecache.bump_all()


def on_region_change(sender, instance, **kwargs):
    # The footer shows the region's contact details and the live pages its
    # policy (with its overrides).
    pagecache.bump_region([instance.pk])


def on_region_site_change(sender, instance, **kwargs):
    pagecache.bump([instance.site_id])


def on_event_change(sender, instance, **kwargs):
    pagecache.bump_region([instance.region_id])


def on_event_part_change(sender, instance, **kwargs):
    # Sessions set an event's dates, enrolments its seats left.
    Event = apps.get_model("training", "Event")
    pagecache.bump_region(Event.objects.filter(pk=instance.event_id).values_list("region_id", flat=True))


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="site-pages-published")
    page_unpublished.connect(on_page_published, dispatch_uid="site-pages-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="site-pages-moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="site-pages-deleted")
    for model in (Site, PageViewRestriction):
        post_save.connect(on_any_site_change, sender=model, dispatch_uid=f"site-pages-{model.__name__}-saved")
        post_delete.connect(on_any_site_change, sender=model, dispatch_uid=f"site-pages-{model.__name__}-deleted")

    from coachready.org.models import Region
    from coachready.site.models import RegionSite

    post_save.connect(on_region_change, sender=Region, dispatch_uid="site-pages-region-saved")
    post_save.connect(on_region_site_change, sender=RegionSite, dispatch_uid="site-pages-region-site-saved")
    post_delete.connect(on_region_site_change, sender=RegionSite, dispatch_uid="site-pages-region-site-deleted")

    # The training calendar page lists the region's upcoming events; the
    # site reads them without depending on the training app being there.
    if apps.is_installed("coachready.training"):
        post_save.connect(on_event_change, sender="training.Event", dispatch_uid="site-pages-event-saved")
        post_delete.connect(on_event_change, sender="training.Event", dispatch_uid="site-pages-event-deleted")
        for name in ("Session", "Enrollment"):
            for signal, verb in ((post_save, "saved"), (post_delete, "deleted")):
                signal.connect(on_event_part_change, sender=f"training.{name}",
                               dispatch_uid=f"site-pages-{name}-{verb}")
