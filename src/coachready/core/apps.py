from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "coachready.core"
    label = "core"

    def ready(self):
        from coachready.core import checks  # noqa: F401 (registers the deploy checks)
        from coachready.core.hooks import connect_nav_links_cache

        connect_nav_links_cache()

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        if request.user.is_authenticated:
            return [Link(_("Home"), reverse("core:home"), order=0)]
        return []
