from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassesConfig(AppConfig):
    name = "coachready.passes"
    label = "passes"
    verbose_name = _("Coach Pass")

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        user = request.user
        if user.is_authenticated and user.person_or_none is not None:
            return [Link(_("My Coach Pass"), reverse("passes:mine"), order=11)]
        return []

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        user = request.user
        if not user.is_authenticated or user.person_or_none is None:
            return []
        return [Link(_("My Coach Pass"), reverse("passes:mine"),
                     _("The signed pass a referee checks at the field, even with no signal."), order=13)]
