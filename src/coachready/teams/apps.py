from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "coachready.teams"
    label = "teams"

    def region_links(self, request, region):
        from django.urls import reverse

        from coachready.core.navigation import Link

        return [Link(_("Teams"), reverse("teams:seasons", args=[region.number]),
                     _("Seasons, teams and coach assignments."), order=23)]

    def digest_sections(self, region, as_of):
        from django.urls import reverse
        from django.utils.text import get_text_list
        from django.utils.translation import gettext

        from coachready.core.addresses import absolute_url
        from coachready.core.hooks import DigestSection
        from coachready.teams.labels import team_label
        from coachready.teams.services import current_season, team_readiness

        season = current_season(region, as_of)
        if season is None:
            return []
        not_ready = [t for t in team_readiness(season, as_of) if t["coaches"] and not t["ready"]]
        if not not_ready:
            return []
        lines = []
        for entry in not_ready[:15]:
            team = entry["team"]
            names = (get_text_list([r.name for r in entry["not_ready"]], gettext("and"))
                     or gettext("no active head coach"))
            lines.append(gettext("%(team)s: %(names)s") % {"team": team_label(team), "names": names})
        if len(not_ready) > 15:
            lines.append(gettext("… and %(count)d more.") % {"count": len(not_ready) - 15})
        url = absolute_url(reverse("teams:season", args=[region.number, season.pk]), region=region)
        title = gettext("Teams whose coaches are not ready (%(season)s)") % {"season": season}
        return [DigestSection(title, lines, url, order=23)]
