from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertsConfig(AppConfig):
    name = "coachready.certs"
    label = "certs"
    # What nav_links reads: the cached menus are renewed when it changes.
    nav_links_read = ("org.Person",)

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        user = request.user
        if user.is_authenticated and user.person_or_none is not None:
            return [Link(_("My coaching"), reverse("certs:checklist"), order=10)]
        return []

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        user = request.user
        if not user.is_authenticated or user.person_or_none is None:
            return []
        return [
            Link(_("My coaching checklist"), reverse("certs:checklist"),
                 _("What you need to coach your division, and what to do next."), order=10),
            Link(_("My path to ready"), reverse("certs:path"),
                 _("The steps, in order, to be ready by the first game."), order=11),
            Link(_("Upload a certificate"), reverse("certs:upload"),
                 _("Send the region a certificate of completion to verify."), order=12),
        ]

    def region_links(self, request, region):
        from django.urls import reverse

        from coachready.core.navigation import Link

        n = region.number
        return [
            Link(_("Verification queue"), reverse("certs:verify", args=[n]), _("Uploads waiting for a decision."),
                 order=20),
            Link(_("Readiness"), reverse("certs:readiness", args=[n]), _("Which coaches are ready, per division."),
                 order=21),
            Link(_("Compliance"), reverse("certs:compliance", args=[n]), _("Complete and incomplete per requirement."),
                 order=22),
        ]

    def digest_sections(self, region, as_of):
        from coachready.certs.digest import digest_sections

        return digest_sections(region, as_of)
