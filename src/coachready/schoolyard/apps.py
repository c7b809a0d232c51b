from django.apps import AppConfig


class SchoolyardConfig(AppConfig):
    name = "coachready.schoolyard"
    label = "schoolyard"

    def nav_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link

        return [Link("School Yard", reverse("schoolyard:curriculum"), order=65)]

    def home_links(self, request):
        from django.urls import reverse

        from coachready.core.navigation import Link
        from coachready.schoolyard.access import own_plans, schoolyard_teams_for

        plans = list(own_plans(request.user)[:3])
        links = [Link(f"School Yard plan: {p.title}", reverse("schoolyard:plan", args=[p.pk]),
                      f"{p.sessions} sessions from {p.start:%b} {p.start.day}: mark sessions done, print, "
                      "add to your calendar.", order=35) for p in plans]
        if not plans and schoolyard_teams_for(request.user).exists():
            links.append(Link("Plan your School Yard season", reverse("schoolyard:plan_new"),
                              "Dates for the ten-week curriculum, with holidays skipped.", order=35))
        return links
