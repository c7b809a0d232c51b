from django.apps import AppConfig


class SchoolyardConfig(AppConfig):
    name = "coachready.schoolyard"
    label = "schoolyard"

    def home_links(self, request):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link
        from coachready.schoolyard.access import own_plans, schoolyard_teams_for

        plans = list(own_plans(request.user)[:3])
        links = [Link(f"School Yard plan: {p.title}", reverse("schoolyard:plan", args=[p.pk]),
                      f"{p.sessions} sessions from {p.start:%b} {p.start.day}: mark sessions done, print, "
                      "add to your calendar.", order=35) for p in plans]
        coaches_schoolyard = bool(plans) or schoolyard_teams_for(request.user).exists()
        if not plans and coaches_schoolyard:
            links.append(Link("Plan your School Yard season", reverse("schoolyard:plan_new"),
                              "Dates for the ten-week curriculum, with holidays skipped.", order=35))
        # School Yard has one menu entry, the region website's page; its
        # coaches find the printable curriculum here.
        if coaches_schoolyard:
            links.append(Link(_("School Yard curriculum"), reverse("schoolyard:curriculum"),
                              _("The ten weeks, each printable."), order=36))
        return links
