from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext


class CrosscertConfig(AppConfig):
    name = "coachready.crosscert"
    label = "crosscert"
    verbose_name = gettext_lazy("Cross-certification")
    # What nav_links reads (applications, the reviewer's roles, applicants'
    # regions): the cached menus are renewed when it changes.
    nav_links_read = ("crosscert.Application", "org.Person", "org.RoleAssignment")

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.crosscert.access import is_reviewer, queue_for

        if not request.user.is_authenticated:
            return []
        from coachready.crosscert.models import Application

        links = []
        # Applicants follow their applications from the menu; everyone else
        # finds "apply" on the home page, so the menu stays short.
        if Application.objects.filter(applicant__user=request.user).exists():
            links.append(Link(_("Cross-certification"), reverse("crosscert:mine"), order=60))
        if is_reviewer(request.user):
            waiting = queue_for(request.user).count()
            if waiting:
                links.append(Link(_("Cross-cert queue (%(count)s)") % {"count": waiting},
                                  reverse("crosscert:queue"), order=45))
        return links

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.crosscert.access import is_reviewer, queue_for

        if not request.user.is_authenticated:
            return []
        links = []
        if request.user.person_or_none is not None:
            links.append(Link(
                _("Cross-certification"),
                reverse("crosscert:mine"),
                _("Hold a US Soccer licence? Apply to have it recognised as an AYSO coach certificate, "
                  "and follow your application."),
                order=70,
            ))
        if is_reviewer(request.user):
            waiting = queue_for(request.user).count()
            if waiting:
                links.append(Link(
                    _("Cross-certification queue"),
                    reverse("crosscert:queue"),
                    ngettext("%(count)s application waiting for your decision.",
                             "%(count)s applications waiting for your decision.", waiting) % {"count": waiting},
                    order=40,
                ))
        return links

    def digest_sections(self, region, as_of):
        from coachready.crosscert.digest import digest_section

        section = digest_section(region, as_of)
        return [section] if section is not None else []
