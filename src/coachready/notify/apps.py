from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class NotifyConfig(AppConfig):
    name = "coachready.notify"
    label = "notify"
    verbose_name = gettext_lazy("Reminders and email")

    def home_links(self, request):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link

        if request.user.is_authenticated and request.user.person_or_none is not None:
            return [Link(_("Email preferences"), reverse("notify:preferences"),
                         _("Choose how often you get optional email."), order=95)]
        return []

    def region_links(self, request, region):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link
        from coachready.notify.access import REGION_ROLES
        from coachready.org.access import can_admin_region

        if not can_admin_region(request.user, region, REGION_ROLES):
            return []
        return [
            Link(_("Reminders"), reverse("notify:reminders", args=[region.number]), order=70),
            Link(_("Digest"), reverse("notify:digest", args=[region.number]), order=71),
            Link(_("Mail"), reverse("notify:mail", args=[region.number]), order=72),
        ]
