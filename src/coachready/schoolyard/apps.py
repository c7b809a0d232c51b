from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SchoolyardConfig(AppConfig):
    name = "coachready.schoolyard"
    label = "schoolyard"
    verbose_name = gettext_lazy("School Yard")

    def home_links(self, request):
        from django.urls import reverse
        from django.utils.formats import date_format
        from django.utils.translation import gettext as _
        from django.utils.translation import ngettext

        from coachready.core.navigation import Link
        from coachready.schoolyard.access import own_plans, schoolyard_teams_for

        plans = list(own_plans(request.user)[:3])
        links = [Link(_("School Yard plan: %(title)s") % {"title": p.title}, reverse("schoolyard:plan", args=[p.pk]),
                      ngettext(
                          "%(count)d session from %(day)s: mark sessions done, print, add to your calendar.",
                          "%(count)d sessions from %(day)s: mark sessions done, print, add to your calendar.",
                          p.sessions,
                      ) % {"count": p.sessions, "day": date_format(p.start, "MONTH_DAY_FORMAT")}, order=35)
                 for p in plans]
        coaches_schoolyard = bool(plans) or schoolyard_teams_for(request.user).exists()
        if not plans and coaches_schoolyard:
            links.append(Link(_("Plan your School Yard season"), reverse("schoolyard:plan_new"),
                              _("Dates for the ten-week curriculum, with holidays skipped."), order=35))
        # School Yard has one menu entry, the region website's page; its
        # coaches find the printable curriculum here.
        if coaches_schoolyard:
            links.append(Link(_("School Yard curriculum"), reverse("schoolyard:curriculum"),
                              _("The ten weeks, each printable."), order=36))
        return links
