"""Which region a Wagtail site speaks for.

One Wagtail Site per region: the site's root page decides the region, and
with it the rules policy the live pages render, the contact address and the
inbox a message lands in.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionSite(models.Model):
    site = models.OneToOneField("wagtailcore.Site", on_delete=models.CASCADE, related_name="region_site")
    region = models.OneToOneField("org.Region", on_delete=models.PROTECT, related_name="web_site")
    # The Wagtail group whose members edit this site ("Region 60 editors"),
    # and the collection their images and documents go to.
    editors = models.OneToOneField(Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    collection = models.OneToOneField(
        "wagtailcore.Collection", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("region website")
        verbose_name_plural = _("region websites")

    def __str__(self) -> str:
        return _("%(region)s website") % {"region": self.region.display_name}


def region_site_for_site(site) -> RegionSite | None:  # noqa: ANN001 - wagtail Site
    if site is None:
        return None
    return RegionSite.objects.select_related("region__area__section").filter(site=site).first()
