from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SiteConfig(AppConfig):
    name = "coachready.site"
    label = "site"
    verbose_name = gettext_lazy("Region website")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from coachready.org.models import RoleAssignment
        from coachready.site.editors import on_role_change

        post_save.connect(on_role_change, sender=RoleAssignment, dispatch_uid="site-editors-on-save")
        post_delete.connect(on_role_change, sender=RoleAssignment, dispatch_uid="site-editors-on-delete")

        from coachready.site.invalidation import connect

        connect()

    def region_links(self, request, region):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link
        from coachready.org.access import can_admin_region

        if not can_admin_region(request.user, region):
            return []
        return [Link(_("Inbox"), reverse("site:inbox", args=[region.number]),
                     _("Website messages and volunteer interest."), order=60)]

    def home_links(self, request):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link
        from coachready.org.access import regions_for
        from coachready.site.editors import EDITOR_ROLES

        links = []
        for region in regions_for(request.user)[:5]:
            links.append(Link(_("Region %(number)s inbox") % {"number": region.number},
                              reverse("site:inbox", args=[region.number]),
                              _("Messages from the website and people who would like to coach."), order=55))
        if regions_for(request.user, EDITOR_ROLES).exists():
            links.append(Link(_("Edit the website"), "/cms/", _("Pages, news and documents of the region's site."),
                              order=56))
        return links
