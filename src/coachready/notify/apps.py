from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "coachready.notify"
    label = "notify"
    verbose_name = "Reminders and email"

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        if request.user.is_authenticated and request.user.person_or_none is not None:
            return [Link("Email preferences", reverse("notify:preferences"),
                         "Choose how often you get optional email.", order=95)]
        return []

    def region_links(self, request, region):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.notify.access import REGION_ROLES
        from coachready.org.access import can_admin_region

        if not can_admin_region(request.user, region, REGION_ROLES):
            return []
        return [
            Link("Reminders", reverse("notify:reminders", args=[region.number]), order=70),
            Link("Digest", reverse("notify:digest", args=[region.number]), order=71),
            Link("Mail", reverse("notify:mail", args=[region.number]), order=72),
        ]
