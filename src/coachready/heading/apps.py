from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class HeadingConfig(AppConfig):
    name = "coachready.heading"
    label = "heading"
    verbose_name = pgettext_lazy("heading the ball", "Heading")

    def home_links(self, request):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link
        from coachready.heading.access import coached_teams
        from coachready.teams.labels import team_label

        # The heading rules have one menu entry, the region website's
        # "Heading the ball"; the lessons with worked examples are a card here
        # and a link from that page, not a second menu entry.
        links = [Link(_("Heading the ball: lessons for coaches"), reverse("heading:education"),
                      _("Practice limits per division and worked examples of the restart."), order=65),
                 Link(_("Heading restart tool"), reverse("heading:restart"),
                      _("For referees: the free kick after a deliberate header, on a field drawing."), order=70)]
        for team in coached_teams(request.user).order_by("-season__starts_on", "name")[:4]:
            links.append(Link(_("Heading log: %(team)s") % {"team": team_label(team)},
                              reverse("heading:team_log", args=[team.pk]),
                              _("Log heading minutes and headers per player for each practice."), order=30))
        return links

    def region_links(self, request, region):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from coachready.core.navigation import Link
        from coachready.heading.access import may_see_summary

        if may_see_summary(request.user, region):
            return [Link(_("Heading summary"), reverse("heading:region_summary", args=[region.number]), order=60)]
        return []

    def digest_sections(self, region, as_of):
        from datetime import timedelta

        from django.urls import reverse
        from django.utils.formats import date_format
        from django.utils.translation import gettext as _

        from coachready.core.hooks import DigestSection
        from coachready.heading.services.review import region_violations, week_start
        from coachready.rules.heading_practice import Finding
        from coachready.teams.labels import team_label
        from coachready.wording.render import render

        # Last full week and this week so far: a digest sent on Monday still
        # reports the weekend's practices.
        weeks = region_violations(region, week_start(as_of) - timedelta(days=7), as_of, region.policy())
        if not weeks:
            return []
        lines = [
            _("%(team)s, week of %(week)s: %(violations)s") % {
                "team": team_label(w.team), "week": date_format(w.week_of),
                "violations": "; ".join(
                    render(v.wording) if isinstance(v, Finding) else v["message"] for v in w.violations
                ),
            }
            for w in weeks
        ]
        return [DigestSection(_("Heading violations"), lines,
                              url=reverse("heading:region_summary", args=[region.number]), order=60)]
